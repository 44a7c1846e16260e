/** A collapsible JSON viewer; `onPick` receives the JSONPath of a clicked value. */
import { useState } from 'react';

export function jsonPathOf(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${parent}.${key}` : `${parent}['${key.replace(/'/g, "\\'")}']`;
}

export function JsonTree({ value, onPick, path = '$', name, depth = 0 }: { value: unknown; onPick?: (path: string, value: unknown) => void; path?: string; name?: string; depth?: number }) {
  const [open, setOpen] = useState(depth < 2);
  const label = name !== undefined ? <span className="json-key">{name}: </span> : null;
  if (value !== null && typeof value === 'object') {
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value as Record<string, unknown>);
    return (
      <div className="json-node">
        <button type="button" className="json-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>{open ? '▾' : '▸'}</button>
        {label}<span className="muted">{Array.isArray(value) ? `[${entries.length}]` : `{${entries.length}}`}</span>
        {open && <div className="json-children">{entries.map(([k, v]) => <JsonTree key={String(k)} value={v} name={String(k)} path={jsonPathOf(path, k)} onPick={onPick} depth={depth + 1} />)}</div>}
      </div>
    );
  }
  return (
    <div className="json-node json-leaf">
      {label}
      {onPick ? (
        <button type="button" className="json-value" title={`Create an output from ${path}`} data-json-path={path} onClick={() => onPick(path, value)}>{JSON.stringify(value)}</button>
      ) : <span className="json-value">{JSON.stringify(value)}</span>}
    </div>
  );
}

export function parseJsonBody(body: string | undefined): { ok: true; value: unknown } | { ok: false } {
  if (body === undefined || body === '') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    return { ok: false };
  }
}
