import type { StateCreator } from 'zustand';

/**
 * The whole store's state. Each slice adds its own part by declaration merging
 * (`declare module '../types.js' { interface AppState extends UiSlice {} }` in slices/*.ts), so this
 * file imports none of them while they import it: no import cycle (lint:cycles).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the slices, see above
export interface AppState {}

/** A slice sees the whole state so that, e.g., `edit` can record history. */
export type SliceCreator<T> = StateCreator<AppState, [], [], T>;
