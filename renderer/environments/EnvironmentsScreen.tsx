import { useEffect, useRef, useState } from 'react';
import type { EnvironmentView } from '../../contract/hostApi.js';
import { useAppStore, useAppStoreApi } from '../store/AppStoreProvider.js';
import { useHost } from '../app/useHost.js';
import { errorMessage } from '../services/errorMessage.js';
import './environments.css';

/** The workspace's environments (environments.json): variables in the file, secret values in the vault. */
export function EnvironmentsScreen() {
  const store = useAppStoreApi();
  const host = useHost();
  const environments = useAppStore((s) => s.environments);
  const [newName, setNewName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const apply = (list: EnvironmentView[]) => store.getState().setEnvironments(list);
  useEffect(() => {
    host.environments.list().then((list) => store.getState().setEnvironments(list), (e: unknown) => setError(errorMessage(e)));
  }, [host, store]);

  const add = async () => {
    setError(null);
    const name = newName.trim();
    if (environments.some((e) => e.name === name)) return setError(`There is already an environment called "${name}". Pick another name.`);
    try {
      apply(await host.environments.save({ name, variables: {}, secrets: [], confirmLiveRuns: false }));
      setNewName('');
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section className="environments-screen" aria-labelledby="env-title">
      <h1 id="env-title">Environments</h1>
      <p className="muted">Connectors refer to a variable as <code>{'{{env.base_url}}'}</code>. Variables are kept in <code>environments.json</code> in the workspace (fine to commit); secret values are encrypted on this computer and never written there.</p>
      <form className="row" onSubmit={(e) => { e.preventDefault(); void add(); }}>
        <label htmlFor="env-new-name">New environment</label>
        <input id="env-new-name" data-testid="env-new-name" placeholder="e.g. sandbox" value={newName} onChange={(e) => setNewName(e.target.value)} autoComplete="off" />
        <button type="submit" className="primary" data-testid="env-add" disabled={!newName.trim()}>Add</button>
      </form>
      {error && <p className="error-text" role="alert" data-testid="env-error">{error}</p>}
      {environments.length === 0 && <p className="empty" data-testid="env-empty">No environments yet. Add one, for example sandbox, then production.</p>}
      {environments.map((env) => <EnvironmentCard key={env.name} environment={env} onChange={apply} />)}
    </section>
  );
}

interface Row { name: string; value: string; secret: boolean; set: boolean }

const rowsOf = (env: EnvironmentView): Row[] => [
  ...Object.entries(env.variables).map(([name, value]) => ({ name, value, secret: false, set: false })),
  ...env.secrets.map((s) => ({ name: s.name, value: '', secret: true, set: s.set })),
];

function EnvironmentCard({ environment, onChange }: { environment: EnvironmentView; onChange: (list: EnvironmentView[]) => void }) {
  const host = useHost();
  const store = useAppStoreApi();
  const [rows, setRows] = useState<Row[]>(() => rowsOf(environment));
  const [production, setProduction] = useState(environment.confirmLiveRuns);
  const [rename, setRename] = useState(environment.name);
  const [error, setError] = useState<string | null>(null);
  const table = useRef<HTMLTableSectionElement>(null);
  const [focusLastRow, setFocusLastRow] = useState(false);
  // Unsaved edits are marked, and only then is Save the primary button (as the editor's Save).
  const dirty = production !== environment.confirmLiveRuns || JSON.stringify(rows) !== JSON.stringify(rowsOf(environment));
  useEffect(() => {
    if (!focusLastRow) return;
    setFocusLastRow(false);
    table.current?.querySelector<HTMLInputElement>('tr:last-child [data-testid="env-variable-name"]')?.focus();
  }, [focusLastRow]);
  useEffect(() => {
    setRows(rowsOf(environment));
    setProduction(environment.confirmLiveRuns);
    setRename(environment.name);
  }, [environment]);

  const act = async (what: () => Promise<EnvironmentView[]>, done?: string) => {
    setError(null);
    try {
      onChange(await what());
      if (done) store.getState().notify({ kind: 'success', message: done });
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const edit = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const save = () => {
    const names = rows.map((r) => r.name.trim()).filter(Boolean);
    const twice = names.find((n, i) => names.indexOf(n) !== i);
    if (twice) return setError(`"${twice}" is listed twice. Give each variable its own name.`);
    const bad = names.find((n) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(n));
    if (bad) return setError(`"${bad}" is not a valid variable name: use letters, digits and _, starting with a letter or _.`);
    const kept = rows.filter((r) => r.name.trim());
    return act(async () => {
      let list = await host.environments.save({
        name: environment.name,
        variables: Object.fromEntries(kept.filter((r) => !r.secret).map((r) => [r.name.trim(), r.value])),
        secrets: kept.filter((r) => r.secret).map((r) => r.name.trim()),
        confirmLiveRuns: production,
      });
      // A secret value typed here goes to the vault, never to the file.
      for (const r of kept) if (r.secret && r.value) list = await host.environments.setSecret({ environment: environment.name, name: r.name.trim(), value: r.value });
      return list;
    }, `Saved ${environment.name}.`);
  };

  return (
    <article className="environment-card" data-testid="env-card" data-env-name={environment.name} aria-labelledby={`env-${environment.name}-title`}>
      <header className="row">
        <h2 id={`env-${environment.name}-title`}>{environment.name}{environment.confirmLiveRuns && <span className="env-badge" data-testid="env-production-badge"> · asks before live runs</span>}</h2>
        <form className="row" onSubmit={(e) => { e.preventDefault(); void act(() => host.environments.rename({ name: environment.name, to: rename.trim() }), `Renamed ${environment.name} to ${rename.trim()}.`); }}>
          <label className="visually-hidden" htmlFor={`env-${environment.name}-rename`}>New name for {environment.name}</label>
          <input id={`env-${environment.name}-rename`} data-testid="env-rename-input" value={rename} onChange={(e) => setRename(e.target.value)} autoComplete="off" />
          <button type="submit" className="small" data-testid="env-rename" disabled={!rename.trim() || rename.trim() === environment.name}>Rename</button>
        </form>
        <button type="button" className="small danger" data-testid="env-delete" aria-label={`Delete ${environment.name}`} onClick={() => { if (window.confirm(`Delete the environment ${environment.name} and its secret values?`)) void act(() => host.environments.delete({ name: environment.name }), `Deleted ${environment.name}.`); }}>Delete</button>
      </header>
      {/* A form, so Enter in any of its fields saves, as in the rest of the app. */}
      <form className="env-variables" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <table className="env-table">
        <thead><tr><th>Variable</th><th>Value</th><th>Secret</th><th /></tr></thead>
        <tbody ref={table}>
          {rows.length === 0 && <tr><td colSpan={4} className="muted" data-testid="env-no-variables">No variables yet: + Variable adds one, for example base_url.</td></tr>}
          {rows.map((r, i) => (
            <tr key={i} data-testid="env-variable-row">
              <td><input aria-label="Variable name" data-testid="env-variable-name" value={r.name} onChange={(e) => edit(i, { name: e.target.value })} placeholder="base_url" autoComplete="off" /></td>
              <td>
                <input aria-label={`Value of ${r.name || 'the variable'}`} data-testid="env-variable-value" type={r.secret ? 'password' : 'text'} value={r.value} onChange={(e) => edit(i, { value: e.target.value })} autoComplete={r.secret ? 'new-password' : 'off'}
                  placeholder={r.secret ? (r.set ? 'stored — type to replace' : 'no value yet') : 'https://sandbox.example.com'} />
              </td>
              <td><input type="checkbox" aria-label={`${r.name || 'variable'} is secret`} data-testid="env-variable-secret" checked={r.secret} onChange={(e) => edit(i, { secret: e.target.checked, value: '' })} /></td>
              <td><button type="button" className="small" aria-label={`Remove ${r.name || 'row'}`} onClick={() => setRows(rows.filter((_, j) => j !== i))}>Remove</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        <button type="button" className="small" data-testid="env-add-variable" onClick={() => { setRows([...rows, { name: '', value: '', secret: false, set: false }]); setFocusLastRow(true); }}>+ Variable</button>
        <label className="row small-text"><input type="checkbox" data-testid="env-production" checked={production} onChange={(e) => setProduction(e.target.checked)} /> Production: ask before every live run</label>
        <span className="grow" />
        {dirty && <span className="small-text warning-text" data-testid="env-unsaved">Unsaved changes</span>}
        <button type="submit" className={dirty ? 'primary' : undefined} data-testid="env-save">Save</button>
      </div>
      </form>
      {error && <p className="error-text" role="alert" data-testid="env-card-error">{error}</p>}
    </article>
  );
}
