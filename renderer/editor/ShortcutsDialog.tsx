import { Dialog } from '../app/Dialog.js';
import { EDITOR_SHORTCUTS } from './shortcuts.js';

/** The editor's keyboard shortcuts (opened with ? or the toolbar's ⌨ button). */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" testId="shortcuts-dialog" onClose={onClose}
      headerAction={<button type="button" className="small" aria-label="Close" onClick={onClose}>✕</button>}>
      <table className="shortcuts-table">
        <tbody>
          {EDITOR_SHORTCUTS.map((s) => (
            <tr key={s.keys}><th scope="row"><kbd>{s.keys}</kbd></th><td>{s.does}</td></tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
