/** Outputs as name → JSONPath rows, previewed live against the last run's response. */
import { checkJsonPath, extractPath, type Output } from '#core';
import { JsonTree, parseJsonBody } from './JsonTree.js';
import type { StepRecord } from '#core';

export function suggestOutputName(path: string, taken: string[]): string {
  const last = /([A-Za-z_][A-Za-z0-9_]*)[^A-Za-z0-9_]*$/.exec(path.replace(/\[\d+\]$/, ''))?.[1] ?? 'value';
  let name = last;
  for (let n = 2; taken.includes(name); n++) name = `${last}_${n}`;
  return name;
}

export function OutputsEditor({ outputs, onChange, lastResult }: { outputs: Output[]; onChange: (outputs: Output[]) => void; lastResult: StepRecord | undefined }) {
  const body = parseJsonBody(lastResult?.response?.body);
  const update = (i: number, patch: Partial<Output>) => onChange(outputs.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  return (
    <div className="outputs-editor" data-testid="outputs-editor">
      {outputs.map((o, i) => {
        const pathError = checkJsonPath(o.path);
        const preview = !pathError && body.ok ? extractPath(body.value, o.path) : undefined;
        return (
          <div key={i} className="output-row">
            <input aria-label="Output name" value={o.name} onChange={(e) => update(i, { name: e.target.value })} data-testid="output-name-input" />
            <span aria-hidden="true">←</span>
            <input className="mono" aria-label={`JSONPath for ${o.name}`} value={o.path} onChange={(e) => update(i, { path: e.target.value })} aria-invalid={pathError ? true : undefined} data-testid="output-path-input" />
            <button type="button" className="small" aria-label={`Remove output ${o.name}`} onClick={() => onChange(outputs.filter((_, j) => j !== i))}>✕</button>
            <div className="output-preview">
              {pathError ? <span className="field-error">{pathError}</span>
                : body.ok ? <code data-testid="output-preview">= {JSON.stringify(preview)}</code>
                : <span className="muted">Run the step to preview.</span>}
            </div>
          </div>
        );
      })}
      <button type="button" className="small" data-testid="add-output" onClick={() => onChange([...outputs, { name: suggestOutputName('value', outputs.map((o) => o.name)), path: '$.' }])}>+ Add output</button>
      {body.ok && (
        <details className="response-picker" open>
          <summary>Last response — click a value to create an output</summary>
          <JsonTree value={body.value} onPick={(path) => onChange([...outputs, { name: suggestOutputName(path, outputs.map((o) => o.name)), path }])} />
        </details>
      )}
    </div>
  );
}
