/**
 * What the renderer draws for a step kind, next to its core definition (core/steps/kinds/<kind>/):
 * the canvas node's badge and body, the inspector's editor for the kind's own fields, its tabs and
 * its extra Advanced settings. Every kind has one folder `renderer/steps/<kind>/` and one line in
 * `registry.ts`; the canvas node and the inspector look the kind up there instead of assuming HTTP.
 */
import type { ComponentType } from 'react';
import type { Connector, Step, StepKindName, ValidationIssue, Variable } from '#core';

/** A step of one of the app's kinds. */
export type StepOf<K extends StepKindName> = Extract<Step, { kind: K }>;

export interface StepNodeProps<S> {
  /** The step without its name (the node draws the name itself, from the document). */
  step: Omit<S, 'name'>;
}

/** What the inspector hands a kind's editor and tabs: its step, a way to change it, and the step's issues by field. */
export interface StepEditorProps<S> {
  /** The step; its `name` may lag behind while it is typed (the inspector's own name field shows it). */
  step: S;
  /** What a kind's editor may use of the connector: its inputs (suggestions) and its auth (inherited by steps). */
  connector: Pick<Connector, 'inputs' | 'auth'>;
  /** Replaces some of the step's fields; `field` names the edit for undo grouping. */
  edit(patch: Partial<S>, field: string): void;
  /** The first issue at `steps[i].<field>` or under it. */
  issueFor(field: string): ValidationIssue | undefined;
  /** `field`, plus `highlight` when the user jumped to an issue there. */
  fieldClass(field: string): string;
  /** What templates in this step may use (autocomplete). */
  variables: Variable[];
}

export interface StepTab<S> {
  /** Also the tab's test id: `step-tab-<id>`. */
  id: string;
  label(step: S): string;
  /** Where the common Outputs tab sits among them: the kind's tabs come before it or after it (the HTTP kind's Mock). */
  placement: 'before-outputs' | 'after-outputs';
  Panel: ComponentType<StepEditorProps<S>>;
}

export interface StepKindView<S> {
  /** Before the step's name in the node's head (the HTTP kind: its method). */
  NodeBadge: ComponentType<StepNodeProps<S>>;
  /** Under the node's head (the HTTP kind: host and path). */
  NodeBody: ComponentType<StepNodeProps<S>>;
  /** At the top of the inspector, under name and id (the HTTP kind: method and URL). */
  Editor: ComponentType<StepEditorProps<S>>;
  tabs: readonly StepTab<S>[];
  /** The kind's own settings in the Advanced tab, after timeout and retries. */
  Advanced?: ComponentType<StepEditorProps<S>>;
}

/** A view as the lookup holds it: handed only steps of its own kind (the lookup is keyed by kind). */
export type RegisteredStepView = StepKindView<Step>;

/** Types a kind's view against its own step type, then erases it for the lookup. */
export function defineStepView<S>(view: StepKindView<S>): RegisteredStepView {
  return view as unknown as RegisteredStepView;
}
