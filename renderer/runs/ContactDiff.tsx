import { useAppStore } from '../store/AppStoreProvider.js';

/** The mapped contact as a before/after table. */
export function ContactDiff() {
  const record = useAppStore((s) => s.run?.record);
  if (!record) return <p className="empty">The mapped contact appears after a run.</p>;
  const before = record.contactBefore ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(record.contact)])].sort();
  if (fields.length === 0) return <p className="empty">No field was mapped. Add field mappings in the connector's Mappings tab.</p>;
  return (
    <table className="contact-diff" data-testid="contact-diff">
      <thead><tr><th>Field</th><th>Before</th><th>After</th></tr></thead>
      <tbody>
        {fields.map((f) => {
          const changed = f in record.contact && JSON.stringify(before[f]) !== JSON.stringify(record.contact[f]);
          return (
            <tr key={f} className={changed ? 'changed' : ''} data-field={f}>
              <td><code>{f}</code></td>
              <td>{before[f] === undefined ? <span className="muted">—</span> : JSON.stringify(before[f])}</td>
              <td data-testid="contact-after">{f in record.contact ? JSON.stringify(record.contact[f]) : <span className="muted">unchanged</span>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
