import { credentialPlaceholder, type SecretResolver } from '#core';

export const CREDENTIAL_ENV_PREFIX = 'CONNECTOR_STUDIO_CREDENTIAL_';

/** `crm_token` → `CONNECTOR_STUDIO_CREDENTIAL_CRM_TOKEN`. */
export function credentialEnvName(name: string): string {
  return `${CREDENTIAL_ENV_PREFIX}${name.toUpperCase()}`;
}

/**
 * The CLI's credentials: `--credential name=value` flags over `CONNECTOR_STUDIO_CREDENTIAL_<NAME>`
 * environment variables (the name matched case-insensitively). Values stay in memory only.
 */
export function collectCredentials(flags: Record<string, string>, env: NodeJS.ProcessEnv): Map<string, string> {
  const credentials = new Map<string, string>();
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith(CREDENTIAL_ENV_PREFIX) && value !== undefined && key.length > CREDENTIAL_ENV_PREFIX.length) {
      credentials.set(key.slice(CREDENTIAL_ENV_PREFIX.length).toLowerCase(), value);
    }
  }
  for (const [name, value] of Object.entries(flags)) credentials.set(name, value);
  return credentials;
}

/**
 * Offline (mock, replay) a credential without a value resolves to its placeholder
 * `{{credentials.name}}`, the same text cassettes hold, so no secret is needed to run offline.
 */
export function createCredentialResolver(credentials: Map<string, string>, options: { offline?: boolean; store?: CredentialStore } = {}): SecretResolver {
  const { store } = options;
  const given = (name: string) => credentials.get(name) ?? credentials.get(name.toLowerCase());
  if (options.offline || !store) {
    return { get: (name) => given(name) ?? (options.offline ? credentialPlaceholder(name) : undefined) };
  }
  // Live: flags and environment first, then the store (`auth login`), which also keeps refreshed tokens.
  return {
    get: async (name) => given(name) ?? (await store.get(name)),
    set: async (name, value) => {
      if (given(name) === undefined) await store.set(name, value);
    },
  };
}

/** What the resolver needs of the credential store (credentialStore.ts). */
export interface CredentialStore {
  get(name: string): Promise<string | undefined>;
  set(name: string, value: string): Promise<unknown>;
}
