/**
 * Each step kind's view, one line each. Typed by the core's step kinds, so a kind without a view
 * (or a view for no kind) is a compile error. A step whose kind is not here (a document from a
 * newer version) gets the "unsupported step kind" display.
 */
import type { StepKindName } from '#core';
import type { RegisteredStepView } from './stepKindView.js';
import { httpView } from './http/index.js';

export const STEP_VIEWS = {
  http: httpView,
} satisfies { [K in StepKindName]: RegisteredStepView };

/** The lookup the canvas and the inspector use (StepViewsProvider lets a test add a kind). */
export type StepViews = ReadonlyMap<string, RegisteredStepView>;

export const APP_STEP_VIEWS: StepViews = new Map(Object.entries(STEP_VIEWS));
