import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createAppStore, type AppStore } from './createAppStore.js';
import type { AppState } from './types.js';

const AppStoreContext = createContext<AppStore | null>(null);

export function AppStoreProvider({ children, store }: { children: ReactNode; store?: AppStore }) {
  const [value] = useState(() => store ?? createAppStore());
  return <AppStoreContext.Provider value={value}>{children}</AppStoreContext.Provider>;
}

/** Reads the store with a selector; wrap object results in `useShallow`. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error('useAppStore must be used inside <AppStoreProvider>.');
  return useStore(store, selector);
}

/** The store itself, for event handlers that read fresh state with getState(). */
export function useAppStoreApi(): AppStore {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error('useAppStoreApi must be used inside <AppStoreProvider>.');
  return store;
}
