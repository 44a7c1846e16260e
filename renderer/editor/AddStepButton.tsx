/**
 * "+ Step" in the editor's toolbar: one click when the app has one step kind (the HTTP request),
 * a menu of the kinds when it has more. The new step goes after the selected one, linked; with
 * no step selected, after the chain's last step when the graph has just one (as n8n's "+" at the
 * end of a flow), else unlinked at the right end.
 */
import type { Connector, StepKindDefinition } from '#core';
import { Menu } from '../app/Menu.js';
import { addStep } from '../flow/graphEdits.js';
import { freeSpot } from '../flow/freeSpot.js';
import { useAddableStepKinds } from '../steps/StepViewsContext.js';
import { useAppStoreApi } from '../store/AppStoreProvider.js';
import { selectNewStep } from './selectNewStep.js';

/** `full`: the connector is at its step limit. The document is read when clicked, so typing elsewhere does not draw the button again. */
export function AddStepButton({ full }: { full: boolean }) {
  const store = useAppStoreApi();
  const kinds = useAddableStepKinds();
  const title = full ? 'Step limit reached' : 'Add a step (linked after the selected one, or after the last step), or drag one from the palette or out of a handle';

  const add = (kind: StepKindDefinition | undefined) => {
    const doc = store.getState().doc as Connector;
    const selection = store.getState().selection;
    const after = selection.kind === 'step' && selection.stepIds.length === 1 ? doc.steps.find((s) => s.id === selection.stepIds[0]) : onlyLastStep(doc);
    const wanted = after
      ? { x: (after.position?.x ?? 0) + 300, y: (after.position?.y ?? 0) + doc.edges.filter((e) => e.source === after.id).length * 140 }
      : { x: Math.max(0, ...doc.steps.map((s) => s.position?.x ?? 0)) + 300, y: 0 };
    const position = freeSpot(wanted, doc.steps.map((s) => s.position ?? { x: 0, y: 0 }));
    const result = addStep(doc, { position, ...(after ? { after: after.id } : {}), ...(kind ? { kind } : {}) });
    if (!result.ok) { store.getState().notify({ kind: 'error', message: result.reason }); return; }
    store.getState().edit(() => result.doc);
    const [added] = result.ids ?? [];
    if (added) selectNewStep(store, result.doc, added);
  };

  if (kinds.length <= 1) {
    return <button type="button" data-testid="add-step-button" onClick={() => add(kinds[0])} disabled={full} title={title}>+ Step</button>;
  }
  return (
    <Menu trigger="+ Step ▾" triggerTestId="add-step-button" triggerTitle={title} disabled={full}
      items={kinds.map((kind) => ({ id: kind.kind, label: kind.label, testId: `add-step-${kind.kind}`, onSelect: () => add(kind) }))} />
  );
}

/** The one step nothing follows, when there is exactly one (a chain, or a single step); otherwise undefined. */
function onlyLastStep(doc: Connector): Connector['steps'][number] | undefined {
  const followed = new Set(doc.edges.map((e) => e.source));
  const last = doc.steps.filter((s) => !followed.has(s.id));
  return last.length === 1 ? last[0] : undefined;
}
