import { collectEvent, newScrollThresholds, scrollDepthPercent, sendEvents, type CollectEvent } from './events';

export type NavigationSubscriber = (listener: (url: string) => void) => () => void;

const MAX_TIME_ON_PAGE_SECONDS = 86_400;

/** Batches scroll events briefly so one flick past three thresholds is one request. */
const FLUSH_DELAY_MS = 1_000;

interface PageState {
  url: string;
  path: string;
  scrollSent: Set<number>;
  /** Visible time already reported, and the visible stretch under way. */
  visibleMs: number;
  visibleSince: number | null;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/**
 * PageView on arrival and on every in-app page change; ScrollDepth at 25/50/75/100 % once
 * per page; TimeOnPage whenever the page is hidden or left. Each TimeOnPage `value` is the
 * visible seconds since the previous one for the same page, so a page's values add up to
 * its total visible time.
 */
export function startPageTracking(visitorId: string, subscribe?: NavigationSubscriber): () => void {
  let queue: CollectEvent[] = [];
  let timer: number | undefined;
  let frame: number | undefined;

  const flush = () => {
    window.clearTimeout(timer);
    timer = undefined;
    if (queue.length === 0) return;
    const events = queue;
    queue = [];
    sendEvents(visitorId, events);
  };
  const enqueue = (event: CollectEvent, now: boolean) => {
    queue.push(event);
    if (now) flush();
    else timer ??= window.setTimeout(flush, FLUSH_DELAY_MS);
  };

  const visibleNow = () => document.visibilityState === 'visible';
  const open = (url: string): PageState => ({
    url,
    path: pathOf(url),
    scrollSent: new Set(),
    visibleMs: 0,
    visibleSince: visibleNow() ? performance.now() : null,
  });
  let page = open(window.location.href);

  /** Reports the visible time not reported yet (whole seconds; shorter stretches wait). */
  const reportTime = () => {
    const nowMs = performance.now();
    if (page.visibleSince !== null) {
      page.visibleMs += nowMs - page.visibleSince;
      page.visibleSince = visibleNow() ? nowMs : null;
    }
    const seconds = Math.floor(page.visibleMs / 1000);
    if (seconds < 1) return;
    page.visibleMs -= seconds * 1000;
    // The endpoint takes at most a day per event; a tab left open longer is not reading.
    enqueue(collectEvent('TimeOnPage', page.url, new Date(), Math.min(seconds, MAX_TIME_ON_PAGE_SECONDS)), false);
  };

  const checkScroll = () => {
    frame = undefined;
    const root = document.documentElement;
    const percent = scrollDepthPercent({
      scrollTop: window.scrollY,
      viewportHeight: window.innerHeight,
      scrollHeight: root.scrollHeight,
    });
    for (const threshold of newScrollThresholds(percent, page.scrollSent)) {
      page.scrollSent.add(threshold);
      enqueue(collectEvent('ScrollDepth', page.url, new Date(), threshold), false);
    }
  };
  const onScroll = () => {
    frame ??= window.requestAnimationFrame(checkScroll);
  };

  const onVisibility = () => {
    if (visibleNow()) {
      page.visibleSince ??= performance.now();
      return;
    }
    reportTime();
    flush();
  };

  const onNavigate = (url: string) => {
    if (pathOf(url) === page.path) {
      page.url = url;
      return;
    }
    reportTime();
    page = open(url);
    enqueue(collectEvent('PageView', url, new Date()), true);
  };

  enqueue(collectEvent('PageView', page.url, new Date()), true);
  window.addEventListener('scroll', onScroll, { passive: true });
  document.addEventListener('visibilitychange', onVisibility);
  const unsubscribe = subscribe?.(onNavigate);

  return () => {
    unsubscribe?.();
    window.removeEventListener('scroll', onScroll);
    document.removeEventListener('visibilitychange', onVisibility);
    if (frame !== undefined) window.cancelAnimationFrame(frame);
    reportTime();
    flush();
  };
}
