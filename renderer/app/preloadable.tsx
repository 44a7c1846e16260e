/**
 * A component in its own chunk that, once the chunk has arrived, renders at once. React.lazy
 * suspends on its first render even when the chunk was preloaded, and React then holds the
 * content back behind the fallback for up to 300 ms (its fallback throttle): opening a
 * preloaded editor waited for that, not for the network.
 */
import { lazy, type ComponentType } from 'react';

export interface Preloadable<P extends object> {
  /** Renders the loaded component, or suspends (first render only) until it has loaded. */
  Component: ComponentType<P>;
  /** Starts loading (once; a failed load is tried again next time). */
  preload: () => Promise<ComponentType<P>>;
}

export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () => {
    pending ??= load().then((component) => (loaded = component), (error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function Component(props: P) {
    // Lazy only until loaded: its content never mounts (a suspended retry renders `loaded`), so
    // the element type does not change under a mounted screen.
    const Loaded = loaded ?? Lazy;
    return <Loaded {...props} />;
  }
  return { Component, preload };
}
