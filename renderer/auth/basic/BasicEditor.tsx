import type { AuthEditorProps } from '../authEditorProps.js';
import { CredentialRef } from '../CredentialRef.js';

export function BasicEditor({ auth, onChange }: AuthEditorProps<'basic'>) {
  return (
    <>
      <CredentialRef label="Username" value={auth.username} onChange={(username) => onChange({ ...auth, username })} />
      <CredentialRef label="Password" value={auth.password} onChange={(password) => onChange({ ...auth, password })} />
    </>
  );
}
