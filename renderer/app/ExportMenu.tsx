/**
 * Export in either format, wherever export is offered (the editor's toolbar, a dashboard card):
 * an "Export ▾" menu button (renderer/app/Menu.tsx, portalled so a card never clips it) with the
 * app's own file and the interchange JSON. Its items' test ids are `<testId>-app` and `<testId>-interchange`.
 */
import { Menu } from './Menu.js';

export type ExportFormat = 'app' | 'interchange';

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'app', label: 'Connector file (.connector.json)' },
  { format: 'interchange', label: 'Interchange JSON (for the SaaS)' },
];

export function ExportMenu({ onExport, disabled, title, small, testId = 'export-menu' }: { onExport: (format: ExportFormat) => void; disabled?: boolean; title?: string; small?: boolean; testId?: string }) {
  return (
    <Menu trigger="Export ▾" triggerTestId={testId} triggerClassName={small ? 'small' : undefined} disabled={disabled} align="end"
      triggerTitle={title ?? 'Export in the app format or the interchange format'}
      items={FORMATS.map((f) => ({ id: f.format, testId: `${testId}-${f.format}`, label: f.label, onSelect: () => onExport(f.format) }))} />
  );
}
