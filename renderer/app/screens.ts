/**
 * The screens other than the dashboard and the workspace picker, each its own chunk: the
 * dashboard's start-up path parses none of them. `preloadScreen` starts a load early (the
 * editor once the dashboard is idle, so opening a connector does not wait for its chunk).
 */
import type { ComponentType } from 'react';
import type { Route } from '../store/slices/uiSlice.js';
import { loadCanvas } from '../canvas/loadCanvas.js';
import { preloadable, type Preloadable } from './preloadable.js';

export type LazyScreenName = Exclude<Route['name'], 'workspace' | 'dashboard'>;

const screens: Record<LazyScreenName, Preloadable<object>> = {
  // The editor's canvas chunk is fetched beside the editor's, not after it.
  editor: preloadable(() => Promise.all([import('../editor/EditorScreen.js'), loadCanvas()]).then(([m]) => m.EditorScreen)),
  credentials: preloadable(() => import('../credentials/CredentialsScreen.js').then((m) => m.CredentialsScreen)),
  environments: preloadable(() => import('../environments/EnvironmentsScreen.js').then((m) => m.EnvironmentsScreen)),
  marketplace: preloadable(() => import('../marketplace/MarketplaceScreen.js').then((m) => m.MarketplaceScreen)),
  settings: preloadable(() => import('../settings/SettingsScreen.js').then((m) => m.SettingsScreen)),
};

export function preloadScreen(name: LazyScreenName): Promise<ComponentType> {
  return screens[name].preload();
}

/** The component of each screen, rendered under a Suspense boundary (App). */
export function screenComponent(name: LazyScreenName): ComponentType {
  return screens[name].Component;
}
