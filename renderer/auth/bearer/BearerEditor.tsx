import type { AuthEditorProps } from '../authEditorProps.js';
import { CredentialRef } from '../CredentialRef.js';

export function BearerEditor({ auth, onChange }: AuthEditorProps<'bearer'>) {
  return <CredentialRef label="Token" value={auth.token} onChange={(token) => onChange({ ...auth, token })} />;
}
