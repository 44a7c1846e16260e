/**
 * Installs a template into the open workspace: each credential slot is filled with a new
 * value (stored in the vault, never in a file) or an existing credential (references are
 * renamed to it); core's installTemplate makes the new connector (fresh id, distinct name,
 * template id and version remembered); the template's cassettes are copied next to the
 * new file and its replay tests pointed at them, so a replay run works at once.
 */
import { basename } from 'node:path';
import {
  credentialSlotsFor,
  installTemplate,
  type CredentialSlot,
  type TemplateManifest,
} from '../../core/index.js';
import type { Cassette } from '../../core/transport/index.js';
import { HostError, type SlotChoice, type TemplateInstallResult } from '../../contract/hostApi.js';
import { cassettePath, writeCassette } from '../runs/cassetteStore.js';
import { guardedJson } from '../runs/secretGuard.js';
import type { Vault } from '../vault/vault.js';
import { cassetteDirName } from '../workspace/connectorFileName.js';
import type { WorkspaceStore } from '../workspace/workspaceStore.js';

export interface InstallRequest {
  manifest: TemplateManifest;
  cassettes: Record<string, Cassette>;
  choices: Record<string, SlotChoice>;
  store: WorkspaceStore;
  vault: Vault;
}

/** Every slot the template needs: declared ones, then any other referenced name. */
export function slotsOf(manifest: TemplateManifest): CredentialSlot[] {
  const slots = [...manifest.credentials];
  for (const slot of credentialSlotsFor(manifest.connector)) if (!slots.some((s) => s.name === slot.name)) slots.push(slot);
  return slots;
}

/** A vault name for a new value: the slot's own name unless another value already uses it. */
function vaultNameFor(slot: string, value: string, stored: Record<string, string>, taken: Set<string>): string {
  if (stored[slot] === value || !taken.has(slot)) return slot;
  const same = Object.entries(stored).find(([name, v]) => v === value && (name === slot || name.startsWith(`${slot}_`)));
  if (same) return same[0];
  for (let n = 2; ; n += 1) if (!taken.has(`${slot}_${n}`)) return `${slot}_${n}`;
}

const CASSETTE_NAME = /^[A-Za-z0-9_-]{1,64}$/;

function cassetteNameFor(path: string, used: Set<string>): string {
  let name = basename(path).replace(/\.json$/i, '').replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60) || 'cassette';
  if (!CASSETTE_NAME.test(name)) name = 'cassette';
  let candidate = name;
  for (let n = 2; used.has(candidate); n += 1) candidate = `${name}-${n}`;
  used.add(candidate);
  return candidate;
}

export async function installIntoWorkspace(request: InstallRequest): Promise<TemplateInstallResult> {
  const { manifest, store, vault } = request;
  const stored = await vault.values();
  const taken = new Set(Object.keys(stored));
  const credentialNames: Record<string, string> = {};
  const toStore: Array<[string, string]> = [];

  for (const slot of slotsOf(manifest)) {
    const choice = request.choices[slot.name];
    const label = slot.label || slot.name;
    if (!choice) throw new HostError('INVALID_PAYLOAD', `"${label}" is missing.`, { hint: 'Enter a value for it, or pick one of your saved credentials.', path: `credentials.${slot.name}` });
    if ('existing' in choice) {
      if (!taken.has(choice.existing)) throw new HostError('NOT_FOUND', `There is no saved credential "${choice.existing}".`, { hint: 'Pick one from the list, or enter a new value.', path: `credentials.${slot.name}` });
      credentialNames[slot.name] = choice.existing;
    } else {
      const name = vaultNameFor(slot.name, choice.value, stored, taken);
      taken.add(name);
      credentialNames[slot.name] = name;
      if (stored[name] !== choice.value) toStore.push([name, choice.value]);
    }
  }

  const existingNames = (await store.list()).flatMap((e) => (e.kind === 'connector' ? [e.connector.name] : []));
  const renames = Object.fromEntries(Object.entries(credentialNames).filter(([from, to]) => from !== to));
  const connector = installTemplate(manifest, { existingNames, credentialNameMap: renames });

  // Values go to the vault only once the template has turned into a valid connector.
  for (const [name, value] of toStore) await vault.set(name, value);
  const secrets = await vault.values();

  const first = await store.save(connector);
  if (first.status !== 'saved') throw new HostError('ALREADY_EXISTS', first.message, { hint: 'Install it again: it gets a fresh id.' });

  const used = new Set<string>();
  const written = new Map<string, string>();
  for (const [path, cassette] of Object.entries(request.cassettes)) {
    const name = cassetteNameFor(path, used);
    await writeCassette(cassettePath(store.root, first.file, name), guardedJson(cassette, secrets));
    written.set(path, name);
  }
  // The editor's replay uses the `default` cassette unless told otherwise: the first replay test's.
  const firstReplay = connector.tests.find((t) => t.mode === 'replay' && t.cassette && written.has(t.cassette));
  if (firstReplay && !used.has('default')) {
    await writeCassette(cassettePath(store.root, first.file, 'default'), guardedJson(request.cassettes[firstReplay.cassette!], secrets));
    used.add('default');
  }

  if (written.size > 0) {
    const dir = cassetteDirName(first.file);
    const tests = connector.tests.map((t) => (t.cassette && written.has(t.cassette) ? { ...t, cassette: `${dir}/${written.get(t.cassette)}.json` } : t));
    const second = await store.save({ ...connector, tests }, { baseHash: first.hash });
    if (second.status !== 'saved') throw new HostError('CONFLICT', second.message, { hint: 'The connector was installed; its tests still point at the template\'s cassette names.' });
  }
  return { connectorId: connector.id, file: first.file, name: connector.name, credentialNames, cassettes: [...used].sort() };
}
