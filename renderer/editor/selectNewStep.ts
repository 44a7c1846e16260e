/**
 * Selects a step just added, with its name field focused: a new step has no name yet, so the
 * keyboard goes there, as it does for a new request in Postman or a new node in n8n.
 */
import type { Connector } from '#core';
import type { AppStore } from '../store/createAppStore.js';

/** The path StepNameField takes focus for (the problems list points at the same one). */
export const stepNamePath = (index: number) => `steps[${index}].name`;

export function selectNewStep(store: AppStore, doc: Connector, stepId: string): void {
  store.getState().select({ kind: 'step', stepIds: [stepId] }, stepNamePath(doc.steps.findIndex((s) => s.id === stepId)));
}
