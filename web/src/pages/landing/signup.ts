import { LANDING_IDS, SIGNUP_TRIGGER_ATTR } from './ids';
import type * as IslandModule from './signup-island';

type Island = typeof IslandModule;

// The island (React, the form, its zod schemas: ~100 KB) loads only when someone reaches for
// it: prefetched when a pointer or finger lands on a "Start Free Trial" button or it gets
// focus, and awaited on click. A failed load is forgotten so the next click tries again.
let island: Promise<Island> | null = null;
function loadIsland(): Promise<Island> {
  island ??= import('./signup-island').catch((err: unknown) => {
    island = null;
    throw err;
  });
  return island;
}
const prefetch = () => {
  loadIsland().catch(() => undefined);
};

export function wireSignup(root: Document): void {
  const status = root.getElementById(LANDING_IDS.signupStatus);
  const container = root.getElementById(LANDING_IDS.signupRoot);
  if (!status || !container) return;
  let open = false;

  const say = (text: string | undefined, visible: boolean) => {
    status.textContent = text ?? '';
    status.classList.toggle('signup-status--visible', visible);
  };

  const openSignup = async (trigger: HTMLElement | null) => {
    if (open) return;
    open = true;
    trigger?.setAttribute('aria-busy', 'true');
    say(status.dataset.opening, false);
    try {
      const { mountSignup } = await loadIsland();
      await mountSignup(container, () => {
        open = false;
      });
      say('', false);
    } catch {
      open = false;
      say(status.dataset.failed, true);
    } finally {
      trigger?.removeAttribute('aria-busy');
    }
  };

  for (const trigger of root.querySelectorAll<HTMLElement>(`[${SIGNUP_TRIGGER_ATTR}]`)) {
    for (const intent of ['pointerenter', 'focus', 'touchstart'] as const) {
      trigger.addEventListener(intent, prefetch, { once: true, passive: true });
    }
    trigger.addEventListener('click', (event) => {
      event.preventDefault();
      // From inside another dialog (the demo's "Start Free Trial"): that one closes first.
      trigger.closest('dialog')?.close();
      void openSignup(trigger);
    });
  }

  // `/?signup=1` opens the form straight away (the sign-in page links there).
  if (new URLSearchParams(window.location.search).has('signup')) void openSignup(null);
}
