/** Navigation, theme, panels and transient notices. */
import type { SliceCreator } from '../types.js';

export type Route =
  | { name: 'workspace' }
  | { name: 'dashboard' }
  | { name: 'credentials' }
  | { name: 'environments' }
  | { name: 'marketplace' }
  | { name: 'settings' }
  | { name: 'editor'; connectorId: string };

export type Theme = 'light' | 'dark';

export interface Notice {
  id: number;
  kind: 'info' | 'error' | 'success';
  message: string;
  /** An action offered with the notice (e.g. Undo after delete). */
  action?: { label: string; run: () => void };
  /** The screen it was shown on (routeKey): notices stay on their screen. */
  screen?: string;
  /** The item (connector id) it is about: it goes when that item changes. */
  itemId?: string;
}

export interface ExternalChange {
  removed: boolean;
  by?: string;
}

/** One key per screen (each open connector is its own screen). */
export function routeKey(route: Route): string {
  return route.name === 'editor' ? `editor:${route.connectorId}` : route.name;
}

export type BottomPanel = 'results' | 'timeline' | 'contact' | 'history' | 'problems';

declare module '../types.js' {
  interface AppState extends UiSlice {}
}

export interface UiSlice {
  route: Route;
  theme: Theme;
  bottomPanel: BottomPanel;
  notices: Notice[];
  /**
   * The open connector's file changed on disk while it had unsaved edits, or was deleted
   * (`by`: the teammate whose synced revision did it).
   */
  externalChange: ExternalChange | false;
  appReady: boolean;
  /** The Sync dialog (the header's sync status opens it; so do links such as the marketplace's "Sign in"). */
  syncPanelOpen: boolean;
  setSyncPanelOpen: (open: boolean) => void;
  setAppReady: (ready: boolean) => void;
  setExternalChange: (change: ExternalChange | false) => void;
  /** Drops the notices about one item (its Undo would act on a stale copy once it changed). */
  dismissAbout: (itemId: string) => void;
  navigate: (route: Route) => void;
  setTheme: (theme: Theme) => void;
  setBottomPanel: (panel: BottomPanel) => void;
  notify: (notice: Omit<Notice, 'id'>) => number;
  dismiss: (id: number) => void;
}

let nextNoticeId = 1;

export const createUiSlice: SliceCreator<UiSlice> = (set, get) => ({
  route: { name: 'workspace' },
  theme: 'light',
  bottomPanel: 'results',
  notices: [],
  externalChange: false,
  appReady: false,
  syncPanelOpen: false,
  setSyncPanelOpen: (syncPanelOpen) => set({ syncPanelOpen }),
  setAppReady: (appReady) => set({ appReady }),
  setExternalChange: (externalChange) => set({ externalChange }),
  dismissAbout: (itemId) => set({ notices: get().notices.filter((n) => n.itemId !== itemId) }),
  // Notices are about the screen they were shown on: they do not follow the user to another.
  navigate: (route) => set({ route, notices: get().notices.filter((n) => n.screen === routeKey(route)) }),
  setTheme: (theme) => set({ theme }),
  setBottomPanel: (bottomPanel) => set({ bottomPanel }),
  notify: (notice) => {
    const id = nextNoticeId++;
    // The same message again replaces the earlier one (moved to the end) instead of stacking.
    const others = get().notices.filter((n) => !(n.kind === notice.kind && n.message === notice.message));
    set({ notices: [...others.slice(-4), { ...notice, id, screen: routeKey(get().route) }] });
    return id;
  },
  dismiss: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
});
