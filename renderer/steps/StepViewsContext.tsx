/**
 * The step kinds the editor offers and the views the canvas and the inspector draw them with:
 * the app's (core's STEP_KINDS, registry.ts) unless a provider says otherwise, which is how a test
 * adds a kind without touching the app's lists.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { STEP_KINDS, type StepKindDefinition, type StepKindRegistry } from '#core';
import { APP_STEP_VIEWS, type StepViews } from './registry.js';

export type { StepViews } from './registry.js';
import type { RegisteredStepView } from './stepKindView.js';

interface StepKindsInEditor {
  views: StepViews;
  stepKinds: StepKindRegistry;
}

const StepViewsContext = createContext<StepKindsInEditor>({ views: APP_STEP_VIEWS, stepKinds: STEP_KINDS });

/** `stepKinds`: the core's registry the views go with (default: the app's). */
export function StepViewsProvider({ views, stepKinds = STEP_KINDS, children }: { views: StepViews; stepKinds?: StepKindRegistry; children: ReactNode }) {
  const value = useMemo(() => ({ views, stepKinds }), [views, stepKinds]);
  return <StepViewsContext.Provider value={value}>{children}</StepViewsContext.Provider>;
}

/** The view for a step's kind; undefined for a kind this version cannot draw. */
export function useStepView(step: { kind?: unknown }): RegisteredStepView | undefined {
  const { views } = useContext(StepViewsContext);
  // As in the core's registry, a step without a kind is an HTTP step (parsed documents always have one).
  const kind = step.kind === undefined ? 'http' : step.kind;
  return typeof kind === 'string' ? views.get(kind) : undefined;
}

/** The core's registry the editor validates with. */
export function useStepKinds(): StepKindRegistry {
  return useContext(StepViewsContext).stepKinds;
}

/** The kinds a user can add: those the core knows and the renderer can draw, in the registry's order. */
export function useAddableStepKinds(): StepKindDefinition[] {
  const { views, stepKinds } = useContext(StepViewsContext);
  return useMemo(() => [...stepKinds.kinds.values()].filter((kind) => views.has(kind.kind)), [views, stepKinds]);
}
