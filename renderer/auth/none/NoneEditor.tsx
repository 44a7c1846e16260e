import type { AuthEditorProps } from '../authEditorProps.js';

export function NoneEditor(_props: AuthEditorProps<'none'>) {
  return null;
}
