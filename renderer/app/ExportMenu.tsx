/**
 * Export in either format, wherever export is offered (the editor's toolbar, a dashboard card):
 * the app's own file or the interchange JSON. A native select, so it is never clipped by the
 * card around it and works with the keyboard as every select does.
 */
export type ExportFormat = 'app' | 'interchange';

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'app', label: 'Connector file (.connector.json)' },
  { format: 'interchange', label: 'Interchange JSON (for the SaaS)' },
];

export function ExportMenu({ onExport, disabled, title, small, testId = 'export-menu' }: { onExport: (format: ExportFormat) => void; disabled?: boolean; title?: string; small?: boolean; testId?: string }) {
  return (
    <select className={small ? 'export-menu small' : 'export-menu'} data-testid={testId} aria-label="Export" title={title ?? 'Export in the app format or the interchange format'} disabled={disabled} value=""
      onChange={(e) => { const format = e.target.value as ExportFormat; e.target.value = ''; if (format) onExport(format); }}>
      <option value="" disabled>Export…</option>
      {FORMATS.map((f) => <option key={f.format} value={f.format}>{f.label}</option>)}
    </select>
  );
}
