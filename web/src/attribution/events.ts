import { newEventId } from './random';
import { withoutSensitiveParams } from './urls';

export const COLLECT_PATH = '/api/v1/events/collect';
/** The collect endpoint takes at most this many events per request. */
export const MAX_EVENTS_PER_REQUEST = 50;
export const SCROLL_THRESHOLDS = [25, 50, 75, 100] as const;
export type ScrollThreshold = (typeof SCROLL_THRESHOLDS)[number];

export type CollectEventName = 'PageView' | 'ScrollDepth' | 'TimeOnPage';

export interface CollectEvent {
  event_id: string;
  name: CollectEventName;
  value?: number;
  url: string;
  occurred_at: string;
}

export function collectEvent(name: CollectEventName, url: string, now: Date, value?: number): CollectEvent {
  const event: CollectEvent = {
    event_id: newEventId(),
    name,
    url: withoutSensitiveParams(url).slice(0, 2048),
    occurred_at: now.toISOString(),
  };
  if (value !== undefined) event.value = value;
  return event;
}

/** Request bodies of at most {@link MAX_EVENTS_PER_REQUEST} events each. */
export function collectBodies(visitorId: string, events: readonly CollectEvent[]): string[] {
  const bodies: string[] = [];
  for (let i = 0; i < events.length; i += MAX_EVENTS_PER_REQUEST) {
    bodies.push(JSON.stringify({ visitor_id: visitorId, events: events.slice(i, i + MAX_EVENTS_PER_REQUEST) }));
  }
  return bodies;
}

/**
 * Fire-and-forget. A beacon survives the page being closed; when the browser refuses it
 * (no support, or its queue is full) a keepalive fetch does the same job.
 */
export function sendEvents(visitorId: string, events: readonly CollectEvent[]): void {
  for (const body of collectBodies(visitorId, events)) {
    const queued =
      typeof navigator.sendBeacon === 'function' &&
      navigator.sendBeacon(COLLECT_PATH, new Blob([body], { type: 'application/json' }));
    if (!queued) {
      void fetch(COLLECT_PATH, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
        keepalive: true,
        credentials: 'same-origin',
      }).catch(() => undefined);
    }
  }
}

/**
 * How far down the page the bottom of the viewport is, 0–100. A couple of pixels of slack at
 * the end: zoom and fractional layouts leave the bottom a sub-pixel short of the height.
 */
export function scrollDepthPercent(m: { scrollTop: number; viewportHeight: number; scrollHeight: number }): number {
  if (m.scrollHeight <= 0) return 0;
  const bottom = m.scrollTop + m.viewportHeight;
  if (bottom >= m.scrollHeight - 2) return 100;
  return Math.max(0, Math.min(100, (bottom / m.scrollHeight) * 100));
}

/** Thresholds reached at `percent` that this page has not reported yet, in order. */
export function newScrollThresholds(percent: number, sent: ReadonlySet<number>): ScrollThreshold[] {
  return SCROLL_THRESHOLDS.filter((t) => percent >= t && !sent.has(t));
}
