/**
 * The step views the canvas and the inspector draw with: the app's (registry.ts) unless a
 * provider says otherwise, which is how a test adds a kind without touching the app's list.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { APP_STEP_VIEWS, type StepViews } from './registry.js';

export type { StepViews } from './registry.js';
import type { RegisteredStepView } from './stepKindView.js';

const StepViewsContext = createContext<StepViews>(APP_STEP_VIEWS);

export function StepViewsProvider({ views, children }: { views: StepViews; children: ReactNode }) {
  return <StepViewsContext.Provider value={views}>{children}</StepViewsContext.Provider>;
}

/** The view for a step's kind; undefined for a kind this version cannot draw. */
export function useStepView(step: { kind?: unknown }): RegisteredStepView | undefined {
  const views = useContext(StepViewsContext);
  // As in the core's registry, a step without a kind is an HTTP step (parsed documents always have one).
  const kind = step.kind === undefined ? 'http' : step.kind;
  return typeof kind === 'string' ? views.get(kind) : undefined;
}
