/**
 * Installs a template: one row per credential slot, each a new value (goes to the vault)
 * or an existing credential. The new connector opens in the editor, ready to test.
 * With `update`, the same form updates an installed connector to the template's latest
 * version in place, its current credentials preselected and a copy of the old version kept
 * unless the user says otherwise.
 */
import { useState } from 'react';
import { signInCredentials } from '#core';
import type { SlotChoice, TemplateDetail, TemplateUpdate } from '../../contract/hostApi.js';
import { useAppStore, useAppStoreApi } from '../store/AppStoreProvider.js';
import { useHost } from '../app/useHost.js';
import { openConnector } from '../services/connectorActions.js';
import { refreshCredentials, refreshEntries } from '../services/refreshLists.js';
import { Dialog } from '../app/Dialog.js';
import { useBusyAction } from '../app/useBusyAction.js';
import { CredentialRedirectsConfirm } from './CredentialRedirectsConfirm.js';

type SlotState = { mode: 'new'; value: string } | { mode: 'existing'; name: string } | { mode: 'later' };

export function InstallDialog({ template, update, onClose, onDone }: { template: TemplateDetail; update?: TemplateUpdate; onClose: () => void; onDone?: () => void }) {
  const store = useAppStoreApi();
  const host = useHost();
  const credentials = useAppStore((s) => s.credentials);
  // Connections (OAuth sign-in) are made after installing, with Connect: nothing to paste here.
  const signIn = new Set(signInCredentials(template.connector));
  const [slots, setSlots] = useState<Record<string, SlotState>>(() =>
    Object.fromEntries(template.credentials.map((slot) => {
      const current = update?.credentials[slot.name] ?? slot.name;
      if (credentials.some((c) => c.name === current)) return [slot.name, { mode: 'existing', name: current }];
      return [slot.name, !update && signIn.has(slot.name) ? { mode: 'later' } : { mode: 'new', value: '' }];
    })));
  const [keepCopy, setKeepCopy] = useState(true);
  const [confirmedRedirects, setConfirmedRedirects] = useState<string[]>([]);
  const { busy, error, run } = useBusyAction();
  const redirects = update?.credentialRedirects ?? [];
  const ready =
    redirects.every((r) => confirmedRedirects.includes(r.key)) &&
    template.credentials.every((slot) => {
      const s = slots[slot.name];
      return s && (s.mode === 'later' || (s.mode === 'new' ? s.value.length > 0 : s.name.length > 0));
    });

  const install = (chosen: Record<string, SlotState> = slots) => run(async () => {
    const choices: Record<string, SlotChoice> = Object.fromEntries(Object.entries(chosen).map(([name, s]) => [name, s.mode === 'later' ? { later: true } : s.mode === 'new' ? { value: s.value } : { existing: s.name }]));
    const later = Object.values(chosen).some((s) => s.mode === 'later');
    let connectorId: string;
    let message: string;
    if (update) {
      const result = await host.templates.applyUpdate({ connectorId: update.connectorId, credentials: choices, keepCopy, confirmCredentialRedirects: confirmedRedirects });
      connectorId = result.connectorId;
      message = `Updated "${result.name}" to v${result.version}.${result.copy ? ` The previous version is kept as "${result.copy.name}".` : ''}`;
    } else {
      const result = await host.templates.install({ id: template.id, credentials: choices });
      connectorId = result.connectorId;
      message = `Installed "${result.name}".${environmentNotice(result.environments)}`;
    }
    await refreshCredentials(store, host);
    await refreshEntries(store, host);
    onDone?.();
    onClose();
    await openConnector(store, host, connectorId);
    // Without credentials, the template is tried offline against its recorded cassettes.
    if (later) store.getState().setRunMode('replay');
    // After moving to the editor: notices stay on the screen they are shown on.
    store.getState().notify({ kind: 'success', message: later ? `${message} Try it in Replay mode; its credentials are asked for before the first live run.` : message });
  });

  // The dialog opens on the first value to paste (a sign-in slot asks for none).
  const firstValueAsked = template.credentials.find((slot) => slots[slot.name]?.mode === 'new')?.name;
  return (
    <Dialog title={update ? `Update ${update.connectorName} to v${update.latestVersion}` : `Install ${template.name}`} testId="install-dialog" onClose={onClose} error={error} errorTestId="install-error"
      confirm={{ label: update ? 'Update' : 'Install', testId: 'install-confirm', disabled: !ready || busy, onConfirm: () => void install(), enterConfirms: true }}>
      {!update && template.credentials.length > 0 && (
        <p className="row">
          <button type="button" data-testid="install-try" disabled={busy}
            onClick={() => void install(Object.fromEntries(template.credentials.map((slot): [string, SlotState] => [slot.name, { mode: 'later' }])))}>
            Install without credentials, try in Replay
          </button>
          <span className="small-text muted">No secret is needed to replay its recorded cassettes.</span>
        </p>
      )}
      {update && (
        <>
          <p data-testid="update-explainer">Its steps, mappings, settings and tests become those of “{update.templateName}” v{update.latestVersion}. Its name, file, credentials and your own cassettes stay.</p>
          <label className="row small-text"><input type="checkbox" data-testid="update-keep-copy" checked={keepCopy} onChange={(e) => setKeepCopy(e.target.checked)} />
            Keep the current version as a separate connector (“{update.connectorName} (before v{update.latestVersion})”)</label>
          <CredentialRedirectsConfirm redirects={redirects} confirmed={confirmedRedirects} onChange={setConfirmedRedirects} />
        </>
      )}
      <p className="muted">The values are stored encrypted in this computer's vault; the connector only refers to them by name.</p>
      {template.credentials.length === 0 && <p>This template needs no credentials.</p>}
      {template.credentials.map((slot) => {
        const state = slots[slot.name]!;
        return (
          <fieldset key={slot.name} className="install-slot" data-testid={`install-slot-${slot.name}`}>
            <legend>{slot.label || slot.name} <code className="muted">{slot.name}</code></legend>
            {slot.help && <p className="small-text muted">{slot.help}{slot.url && <> — <a href={slot.url} target="_blank" rel="noreferrer noopener">how to get one</a></>}</p>}
            <div className="row">
              <label className="row small-text"><input type="radio" name={`mode-${slot.name}`} checked={state.mode === 'new'} data-testid={`install-slot-new-${slot.name}`}
                onChange={() => setSlots({ ...slots, [slot.name]: { mode: 'new', value: '' } })} /> New value</label>
              <label className="row small-text"><input type="radio" name={`mode-${slot.name}`} checked={state.mode === 'existing'} disabled={credentials.length === 0} data-testid={`install-slot-existing-${slot.name}`}
                onChange={() => setSlots({ ...slots, [slot.name]: { mode: 'existing', name: credentials[0]?.name ?? '' } })} /> A saved credential</label>
              {!update && <label className="row small-text"><input type="radio" name={`mode-${slot.name}`} checked={state.mode === 'later'} data-testid={`install-slot-later-${slot.name}`}
                onChange={() => setSlots({ ...slots, [slot.name]: { mode: 'later' } })} /> Later</label>}
            </div>
            {state.mode === 'new' ? (
              <input type="password" autoComplete="off" aria-label={`${slot.label || slot.name} value`} data-testid={`install-value-${slot.name}`} value={state.value}
                placeholder={`Paste your ${slot.label || slot.name}`} data-autofocus={slot.name === firstValueAsked ? true : undefined}
                onChange={(e) => setSlots({ ...slots, [slot.name]: { mode: 'new', value: e.target.value } })} />
            ) : state.mode === 'later' ? (
              <p className="small-text muted" data-testid={`install-later-${slot.name}`}>{signIn.has(slot.name)
                ? 'Signed in after installing: press Connect in the connector\'s Auth tab. Replay and mock runs need no connection.'
                : 'Not stored yet: replay and mock runs need none; it is asked for before the first live run.'}</p>
            ) : (
              <select aria-label={`Saved credential for ${slot.label || slot.name}`} data-testid={`install-existing-${slot.name}`} value={state.name}
                onChange={(e) => setSlots({ ...slots, [slot.name]: { mode: 'existing', name: e.target.value } })}>
                {credentials.map((c) => <option key={c.name} value={c.name}>{c.name} ({c.mask})</option>)}
              </select>
            )}
          </fieldset>
        );
      })}
    </Dialog>
  );
}

/** What the install did with the environments the template declares (an existing one is never overwritten). */
function environmentNotice({ created, kept }: { created: string[]; kept: string[] }): string {
  const list = (names: string[]) => names.map((n) => `"${n}"`).join(', ');
  const parts: string[] = [];
  if (created.length > 0) parts.push(` Added the environment${created.length === 1 ? '' : 's'} ${list(created)} (set their secret values under Environments).`);
  if (kept.length > 0) parts.push(` Kept your own ${list(kept)}: not overwritten by the template's.`);
  return parts.join('');
}
