/** Query parameters, headers and form fields: key/value rows, each a user input or a static value. */
import type { Input, KeyValue, Variable } from '#core';
import { TemplateInput } from './TemplateInput.js';

export interface KeyValueRowsProps {
  label: string;
  rows: KeyValue[];
  onChange: (rows: KeyValue[]) => void;
  variables: Variable[];
  inputs: Input[];
  testId: string;
}

export function KeyValueRows({ label, rows, onChange, variables, inputs, testId }: KeyValueRowsProps) {
  const update = (index: number, patch: Partial<KeyValue>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  return (
    <div className="kv-rows" data-testid={testId}>
      {rows.map((row, i) => (
        <div className="kv-row" key={i}>
          <input type="checkbox" checked={row.enabled} onChange={(e) => update(i, { enabled: e.target.checked })} aria-label={`Send ${label} ${row.key || i + 1}`} />
          <input className="kv-key" value={row.key} placeholder="name" aria-label={`${label} name`} onChange={(e) => update(i, { key: e.target.value })} />
          <select value={row.source} aria-label={`${label} value source`} onChange={(e) => {
            const source = e.target.value as KeyValue['source'];
            const first = inputs[0];
            update(i, source === 'input' && first ? { source, value: `{{${first.name}}}` } : { source });
          }}>
            <option value="static">Static</option>
            <option value="input">User input</option>
          </select>
          {row.source === 'input' ? (
            <select className="kv-value" aria-label={`${label} input`} value={/^\{\{(\w+)\}\}$/.exec(row.value)?.[1] ?? ''} onChange={(e) => update(i, { value: `{{${e.target.value}}}` })}>
              <option value="" disabled>choose an input</option>
              {inputs.map((input) => <option key={input.name} value={input.name}>{input.label || input.name}</option>)}
            </select>
          ) : (
            <TemplateInput value={row.value} onChange={(value) => update(i, { value })} variables={variables} ariaLabel={`${label} value`} placeholder="value or {{variable}}" />
          )}
          <button type="button" className="small" aria-label={`Remove ${label} ${row.key}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>✕</button>
        </div>
      ))}
      <button type="button" className="small" onClick={() => onChange([...rows, { key: '', value: '', enabled: true, source: 'static' }])}>+ Add {label}</button>
    </div>
  );
}
