/**
 * A selector that keeps handing back its last result while `same` says the new one is
 * equivalent (zustand's useShallow with a comparison of one's own), so a component that reads
 * only part of an object is not drawn again when the rest of it changes.
 */
import { useRef } from 'react';

export function useStable<S, T>(selector: (state: S) => T, same: (previous: T, next: T) => boolean): (state: S) => T {
  const previous = useRef<{ value: T } | null>(null);
  return (state) => {
    const next = selector(state);
    if (previous.current && same(previous.current.value, next)) return previous.current.value;
    previous.current = { value: next };
    return next;
  };
}
