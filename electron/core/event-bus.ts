import type { AnyEvent, EventName, EventPayload } from '../../shared/events';

export type EventListener = (event: AnyEvent) => void;

/** Fan-out of core events to whichever hosts are attached (Electron windows, WebSocket clients). */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const event = { name, payload } as AnyEvent;
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A dead transport must not break delivery to the others.
      }
    }
  }

  /** How many are attached (a number that must not grow over a long session). */
  listenerCount(): number {
    return this.listeners.size;
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
