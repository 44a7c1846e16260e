/**
 * Equality that ignores step names. A step's name is drawn only by the components that read it
 * from the document themselves (the node's label, the inspector's name field); the rest of the
 * canvas and of the inspector compare with these, so typing a name redraws none of them.
 */
import type { Connector, Step } from '#core';

/** Equal but for the name: each other field is the same value or object. */
export function sameStepApartFromName(a: Step | undefined, b: Step | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a) as (keyof Step)[];
  return keys.length === Object.keys(b).length && keys.every((key) => key === 'name' || Object.is(a[key], b[key]));
}

/**
 * Equal but for step names (those of the steps `ignored` picks, every step's by default): the same
 * fields, and the same steps in the same order, apart from those names.
 */
export function sameDocApartFromStepNames(a: Connector | null, b: Connector | null, ignored: (stepId: string) => boolean = () => true): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a) as (keyof Connector)[];
  if (keys.length !== Object.keys(b).length || !keys.every((key) => key === 'steps' || Object.is(a[key], b[key]))) return false;
  return a.steps.length === b.steps.length && a.steps.every((step, i) => (ignored(step.id) ? sameStepApartFromName(step, b.steps[i]) : step === b.steps[i]));
}
