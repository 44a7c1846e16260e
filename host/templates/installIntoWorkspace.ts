/**
 * Installs a template into the open workspace: each credential slot is filled with a new
 * value (stored in the vault, never in a file) or an existing credential (references are
 * renamed to it); core's installTemplate makes the new connector (fresh id, distinct name,
 * template id and version remembered); the template's cassettes are copied next to the
 * new file and its replay tests pointed at them, so a replay run works at once; the
 * environments it declares are added to the workspace unless one of that name exists.
 *
 * An update (`replace`) is the same install made over an installed connector: it keeps its
 * id, name and file, its own recorded cassettes stay, and the save is compare-and-swap on the
 * content it was read with. With `keepCopy` the version it had is first saved as a separate
 * connector, "<name> (before vN)", so edits made to it are never lost.
 */
import { readFile, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  credentialSlotsFor,
  distinctName,
  installTemplate,
  type Connector,
  type CredentialSlot,
  type TemplateManifest,
} from '#core';
import { type Cassette, toStableJson } from '#core';
import { HostError, type SlotChoice, type TemplateInstallResult } from '../../contract/hostApi.js';
import { cassettePath, writeCassette } from '../runs/cassetteStore.js';
import { guardedJson } from '../runs/secretGuard.js';
import type { Vault } from '../vault/vault.js';
import { cassetteDirName } from '../workspace/connectorFileName.js';
import type { WorkspaceEntry, WorkspaceStore } from '../workspace/workspaceStore.js';
import { addTemplateEnvironments } from '../environments/templateEnvironments.js';

export interface InstallRequest {
  manifest: TemplateManifest;
  cassettes: Record<string, Cassette>;
  choices: Record<string, SlotChoice>;
  store: WorkspaceStore;
  vault: Vault;
  /** Update this installed connector in place instead of adding one. */
  replace?: { entry: ConnectorEntry; keepCopy: boolean };
}

type ConnectorEntry = Extract<WorkspaceEntry, { kind: 'connector' }>;

export interface InstallOutcome extends TemplateInstallResult {
  /** The copy of the replaced version, when one was kept. */
  copy?: { connectorId: string; name: string; file: string };
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

export async function installIntoWorkspace(request: InstallRequest): Promise<InstallOutcome> {
  const { manifest, store, vault } = request;
  const stored = await vault.values();
  const taken = new Set(Object.keys(stored));
  const credentialNames: Record<string, string> = {};
  const toStore: Array<[string, string]> = [];

  for (const slot of slotsOf(manifest)) {
    const choice = request.choices[slot.name];
    const label = slot.label || slot.name;
    if (!choice) throw new HostError('INVALID_PAYLOAD', `"${label}" is missing.`, { hint: 'Enter a value for it, or pick one of your saved credentials.', path: `credentials.${slot.name}` });
    if ('later' in choice) {
      // Nothing stored: the connector refers to the slot's own name, set before a live run.
      credentialNames[slot.name] = slot.name;
    } else if ('existing' in choice) {
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
  const replace = request.replace;
  const connector = installTemplate(manifest, { existingNames, credentialNameMap: renames, ...(replace ? { replacing: replace.entry.connector } : {}) });

  // Values go to the vault only once the template has turned into a valid connector.
  for (const [name, value] of toStore) await vault.set(name, value);
  const secrets = await vault.values();

  const copy = replace?.keepCopy ? await saveCopy(store, replace.entry.connector, `${replace.entry.connector.name} (before v${manifest.version})`, existingNames) : undefined;
  const first = replace ? await store.save(connector, { baseHash: replace.entry.hash }) : await store.save(connector);
  if (first.status !== 'saved') {
    if (copy) await store.delete(copy.connectorId);
    if (replace) throw new HostError('CONFLICT', `${first.file} changed on disk while updating; nothing was changed.`, { hint: 'Open the connector to see the change, then update again.' });
    throw new HostError('ALREADY_EXISTS', first.message, { hint: 'Install it again: it gets a fresh id.' });
  }

  const environments = await addTemplateEnvironments(store.root, manifest.environments);
  const used = new Set<string>();
  const written = new Map<string, string>();
  const put = async (name: string, cassette: Cassette) => {
    const path = cassettePath(store.root, first.file, name);
    const json = guardedJson(cassette, secrets);
    if (replace) await keepIfDifferent(path, name, json, `-before-v${manifest.version}`);
    await writeCassette(path, json);
  };
  for (const [path, cassette] of Object.entries(request.cassettes)) {
    const name = cassetteNameFor(path, used);
    await put(name, cassette);
    written.set(path, name);
  }
  // The editor's replay uses the `default` cassette unless told otherwise: the first replay test's.
  const firstReplay = connector.tests.find((t) => t.mode === 'replay' && t.cassette && written.has(t.cassette));
  if (firstReplay && !used.has('default')) {
    await put('default', request.cassettes[firstReplay.cassette!]!);
    used.add('default');
  }

  if (written.size > 0) {
    const dir = cassetteDirName(first.file);
    const tests = connector.tests.map((t) => (t.cassette && written.has(t.cassette) ? { ...t, cassette: `${dir}/${written.get(t.cassette)}.json` } : t));
    const second = await store.save({ ...connector, tests }, { baseHash: first.hash });
    if (second.status !== 'saved') throw new HostError('CONFLICT', second.message, { hint: 'The connector was installed; its tests still point at the template\'s cassette names.' });
  }
  return { connectorId: connector.id, file: first.file, name: connector.name, credentialNames, cassettes: [...used].sort(), environments, ...(copy ? { copy } : {}) };
}

/** Before an update overwrites a cassette with other content (the user may have re-recorded it), the old file is kept as `<name><suffix>`. */
async function keepIfDifferent(path: string, name: string, json: string, suffix: string): Promise<void> {
  let current: string;
  try {
    current = await readFile(path, 'utf8');
  } catch {
    return; // nothing there yet
  }
  if (current === toStableJson(JSON.parse(json))) return;
  await rename(path, join(dirname(path), `${name.slice(0, 64 - suffix.length)}${suffix}.json`));
}

/** Saves `connector` as a new, independent connector (fresh id, no template link). */
async function saveCopy(store: WorkspaceStore, connector: Connector, name: string, existingNames: string[]): Promise<NonNullable<InstallOutcome['copy']>> {
  const { template: _template, ...rest } = connector;
  const copy: Connector = { ...rest, id: `conn_${globalThis.crypto.randomUUID()}`, name: distinctName(name, existingNames) };
  const saved = await store.save(copy);
  if (saved.status !== 'saved') throw new HostError('CONFLICT', saved.message, { hint: 'Try the update again.' });
  return { connectorId: copy.id, name: copy.name, file: saved.file };
}
