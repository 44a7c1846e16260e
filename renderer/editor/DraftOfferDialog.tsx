/**
 * Unsaved changes from an earlier session, shown as a diff against the file before anything
 * is applied: Apply makes them unsaved edits again (undo goes back to the file), Discard
 * deletes them for good.
 */
import { useAppStore, useAppStoreApi } from '../store/AppStoreProvider.js';
import { applyDraftOffer, discardDraftOffer } from '../services/connectorActions.js';
import { Dialog } from '../app/Dialog.js';
import { MonacoDiff } from '../sync/MonacoDiff.js';
import '../sync/sync.css';

const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export function DraftOfferDialog() {
  const store = useAppStoreApi();
  const offer = useAppStore((s) => s.draftOffer);
  const docId = useAppStore((s) => s.doc?.id);
  if (!offer || offer.connectorId !== docId) return null;
  const when = new Date(offer.savedAt).toLocaleString();
  return (
    <Dialog
      title="Unsaved changes from your last session"
      testId="draft-offer-dialog"
      className="draft-offer-dialog"
      // Closing without a choice keeps the draft for next time (nothing is lost by Escape).
      onClose={() => store.getState().offerDraft(null)}
      confirm={{ label: 'Apply these changes', testId: 'draft-apply', onConfirm: () => applyDraftOffer(store) }}
    >
      <p>
        {offer.draft.name.trim() || offer.file.name} has changes from {when} that were never saved. Left: the file; right: your unsaved version.
        {offer.fileChanged && <strong> The file was changed on disk since then; applying replaces those changes with yours.</strong>}
      </p>
      <MonacoDiff original={pretty(offer.file)} modified={pretty(offer.draft)} testId="draft-offer-diff" onlyChanges />
      <div className="row">
        <button type="button" className="danger" data-testid="draft-discard" onClick={() => discardDraftOffer(store)}>Discard these changes</button>
      </div>
    </Dialog>
  );
}
