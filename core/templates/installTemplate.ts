/**
 * Copies a template into a new connector of the user's workspace: a fresh id, a name no
 * existing connector has, the template's id, version and credential choices remembered (so
 * updates can be offered, never applied behind the user's back), and credential references
 * renamed to the credentials the user picked or created. Updating an installed connector is
 * the same copy made over it (`replacing`): it keeps its id, name and enabled state.
 */
import { ConnectorError } from '../errors/ConnectorError.js';
import { ConnectorSchema, IDENTIFIER, type Connector, type CredentialSlot } from '../schema/connector.js';
import type { TemplateManifest } from './manifest.js';
import { renameCredentialReferences } from './credentialSlots.js';
import { distinctName } from './distinctName.js';

export interface InstallOptions {
  /** Names of the connectors already in the workspace. */
  existingNames: Iterable<string>;
  /** Template credential name → the workspace credential to use instead (an existing one, or a new name). */
  credentialNameMap?: Record<string, string>;
  /** Id source (default: crypto.randomUUID). */
  generateId?: () => string;
  /** The installed connector this copy updates: its id, name and enabled state are kept. */
  replacing?: Connector;
}

function defaultId(): string {
  return `conn_${globalThis.crypto.randomUUID()}`;
}

export function installTemplate(template: TemplateManifest, options: InstallOptions): Connector {
  const map = options.credentialNameMap ?? {};
  for (const [from, to] of Object.entries(map)) {
    if (!IDENTIFIER.test(to)) {
      throw new ConnectorError('INVALID_DOCUMENT', `"${to}" cannot name a credential (for "${from}").`, { hint: 'Credential names start with a letter or _ and contain only letters, digits and _.' });
    }
  }
  const source = structuredClone(template.connector);
  const renamed = renameCredentialReferences({ auth: source.auth, steps: source.steps, edges: source.edges }, map);

  // Slots follow the rename; two template slots mapped to one credential become one slot.
  const slots: CredentialSlot[] = [];
  const templateSlots = template.credentials.length > 0 ? template.credentials : source.credentials;
  for (const slot of [...templateSlots, ...source.credentials]) {
    const name = Object.hasOwn(map, slot.name) ? map[slot.name]! : slot.name;
    if (!slots.some((s) => s.name === name)) slots.push({ ...slot, name });
  }

  const chosen = Object.fromEntries([...templateSlots, ...source.credentials].map((slot) => [slot.name, Object.hasOwn(map, slot.name) ? map[slot.name]! : slot.name]));
  const replacing = options.replacing;
  return ConnectorSchema.parse({
    ...source,
    ...renamed,
    id: replacing?.id ?? (options.generateId ?? defaultId)(),
    name: replacing?.name ?? distinctName(template.name, options.existingNames),
    enabled: replacing?.enabled ?? true,
    credentials: slots,
    template: { id: template.id, version: template.version, credentials: chosen },
  });
}
