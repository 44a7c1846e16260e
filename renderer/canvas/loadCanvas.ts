/**
 * The canvas chunk (React Flow views), loaded once. The editor screen renders it lazily; the
 * dashboard and the editor's "Opening connector…" state start the load early, so opening a
 * connector does not wait for the chunk after the document has arrived.
 */
let pending: Promise<typeof import('./Canvas.js')> | undefined;

export function loadCanvas(): Promise<typeof import('./Canvas.js')> {
  pending ??= import('./Canvas.js').catch((error: unknown) => {
    pending = undefined; // a failed load is tried again next time
    throw error;
  });
  return pending;
}
