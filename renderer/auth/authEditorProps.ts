import type { Auth, AuthType } from '#core';

/** What every kind's editor gets: its own block, and a way to replace it. */
export interface AuthEditorProps<K extends AuthType> {
  auth: Extract<Auth, { type: K }>;
  onChange: (auth: Extract<Auth, { type: K }>) => void;
}
