/** The HTTP kind's Body tab: none, JSON (Monaco, with variables), form rows or raw text. */
import { useState } from 'react';
import type { Body, Connector, Variable } from '#core';
import { MonacoField } from '../../monaco/MonacoField.js';
import { KeyValueRows } from '../../inspector/KeyValueRows.js';

export function BodyEditor({ body, onChange, variables, inputs }: { body: Body; onChange: (b: Body) => void; variables: Variable[]; inputs: Connector['inputs'] }) {
  const [jsonText, setJsonText] = useState(() => (body.type === 'json' ? JSON.stringify(body.value, null, 2) : '{\n  \n}'));
  const [jsonError, setJsonError] = useState<string | null>(null);
  return (
    <div>
      <div className="field">
        <label htmlFor="body-type">Body</label>
        <select id="body-type" value={body.type} onChange={(e) => {
          const type = e.target.value as Body['type'];
          onChange(type === 'none' ? { type } : type === 'json' ? { type, value: {} } : type === 'form' ? { type, fields: [] } : { type, text: '', contentType: 'text/plain' });
        }}>
          <option value="none">None</option><option value="json">JSON</option><option value="form">Form</option><option value="raw">Raw text</option>
        </select>
      </div>
      {body.type === 'json' && (
        <>
          <MonacoField language="json" ariaLabel="JSON body" testId="body-editor" value={jsonText} completions={variables} onChange={(text) => {
            setJsonText(text);
            try {
              onChange({ type: 'json', value: JSON.parse(text) });
              setJsonError(null);
            } catch (e) {
              setJsonError(`Not valid JSON yet: ${(e as Error).message}. The last valid body is kept.`);
            }
          }} />
          {jsonError && <p className="field-error">{jsonError}</p>}
          <p className="muted">Type <code>{'{{'}</code> for variables. A string that is only one template keeps the value's type.</p>
        </>
      )}
      {body.type === 'form' && <KeyValueRows label="form field" testId="form-rows" rows={body.fields} onChange={(fields) => onChange({ type: 'form', fields })} variables={variables} inputs={inputs} />}
      {body.type === 'raw' && (
        <>
          <div className="field"><label htmlFor="raw-ct">Content type</label><input id="raw-ct" value={body.contentType} onChange={(e) => onChange({ ...body, contentType: e.target.value })} /></div>
          <MonacoField language="plaintext" ariaLabel="Raw body" value={body.text} completions={variables} onChange={(text) => onChange({ ...body, text })} />
        </>
      )}
    </div>
  );
}
