/**
 * Connectors held back from the team because a request field holds a literal secret, and
 * the one-click fix: the value goes into the credentials vault under a free name, every
 * field that held it refers to `{{credentials.<name>}}` instead, and the file is saved (the
 * next sync pushes it). The value itself never leaves the host: the renderer sees a mask.
 */
import { moveLiteralSecret, validateConnector } from '#core';
import type { HeldConnector } from '../../contract/hostApi.js';
import { HostError } from '../../contract/hostError.js';
import { literalSecretsOf } from '../sync/literalSecretHold.js';
import type { LocalConnectorStore } from '../sync/types.js';
import { credentialMask } from '../vault/credentialMask.js';

export interface CredentialWriter {
  /** Stored credential values by name. */
  values(): Promise<Record<string, string>>;
  set(name: string, value: string): Promise<void>;
}

export async function heldConnectors(store: LocalConnectorStore): Promise<HeldConnector[]> {
  const held: HeldConnector[] = [];
  for (const doc of await store.list()) {
    const secrets = literalSecretsOf(doc.document);
    if (secrets.length === 0) continue;
    held.push({
      localId: doc.id,
      name: String(doc.document.name ?? doc.id),
      secrets: secrets.map(({ path, where, suggestedName, secret }) => ({ path, where, suggestedName, mask: credentialMask(secret) })),
    });
  }
  return held;
}

/** Moves the literal at `path` into a credential; returns the credential's name. */
export async function moveHeldSecret(store: LocalConnectorStore, credentials: CredentialWriter, localId: string, path: string): Promise<string> {
  const doc = await store.get(localId);
  const connector = doc ? validateConnector({ ...doc.document, id: localId }).connector : null;
  if (!doc || !connector) throw new HostError('NOT_FOUND', 'That connector is no longer in this folder.', { hint: 'Reload the list.' });
  const found = literalSecretsOf(doc.document).find((secret) => secret.path === path);
  if (!found) throw new HostError('NOT_FOUND', 'That value is no longer in the connector (it may already be a credential).', { hint: 'Reload the list.' });
  // The suggested name unless the vault holds another value under it.
  const stored = await credentials.values();
  let name = found.suggestedName;
  for (let n = 2; stored[name] !== undefined && stored[name] !== found.secret; n += 1) name = `${found.suggestedName}_${n}`;
  if (stored[name] === undefined) await credentials.set(name, found.secret);
  await store.save({ id: localId, document: moveLiteralSecret(connector, found, name) as unknown as Record<string, unknown> });
  return name;
}
