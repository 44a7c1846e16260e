/**
 * The "set this credential" dialog opened from a problem, a template install or a live run that
 * would miss a credential. `authField` (e.g. `auth.token`) is an auth field that names no
 * credential yet: the stored credential is written into it.
 */
import type { SliceCreator } from '../types.js';

export interface CredentialPrompt {
  /** The credential to store (prefilled, editable when `authField` is set). */
  name: string;
  authField?: string;
  /** Why it is asked for, in a sentence ("A live run of Phone lookup needs it."). */
  reason?: string;
  /** Runs after the credential is stored (e.g. the live run that asked for it). */
  then?: () => void;
}

declare module '../types.js' {
  interface AppState extends CredentialPromptSlice {}
}

export interface CredentialPromptSlice {
  credentialPrompt: CredentialPrompt | null;
  promptCredential: (prompt: CredentialPrompt | null) => void;
}

export const createCredentialPromptSlice: SliceCreator<CredentialPromptSlice> = (set) => ({
  credentialPrompt: null,
  promptCredential: (credentialPrompt) => set({ credentialPrompt }),
});
