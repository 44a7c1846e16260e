/** A typed in-process event bus for host events; IPC and the WebSocket forward from it. */
import type { HostEventHandler, HostEventName, HostEvents, HostEventSource } from '../../contract/hostApi.js';

export interface EventHub extends HostEventSource {
  emit<E extends HostEventName>(name: E, payload: HostEvents[E]): void;
  /** Every event, for transports that forward all of them. */
  subscribeAll(handler: <E extends HostEventName>(name: E, payload: HostEvents[E]) => void): () => void;
}

export function createEventHub(onHandlerError: (error: unknown) => void = () => {}): EventHub {
  const handlers = new Map<HostEventName, Set<(payload: unknown) => void>>();
  const allHandlers = new Set<(name: HostEventName, payload: unknown) => void>();
  return {
    emit(name, payload) {
      for (const handler of [...(handlers.get(name) ?? [])]) {
        try {
          handler(payload);
        } catch (error) {
          onHandlerError(error);
        }
      }
      for (const handler of [...allHandlers]) {
        try {
          handler(name, payload);
        } catch (error) {
          onHandlerError(error);
        }
      }
    },
    subscribe<E extends HostEventName>(name: E, handler: HostEventHandler<E>) {
      const set = handlers.get(name) ?? new Set();
      handlers.set(name, set);
      const untyped = handler as (payload: unknown) => void;
      set.add(untyped);
      return () => set.delete(untyped);
    },
    subscribeAll(handler) {
      const untyped = handler as (name: HostEventName, payload: unknown) => void;
      allHandlers.add(untyped);
      return () => allHandlers.delete(untyped);
    },
  };
}
