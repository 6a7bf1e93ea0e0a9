// i18n first: it sets <html lang/dir> before anything renders.
import './i18n';
import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { router } from './router';

// The address and referrer as the visitor arrived, read before anything can change them.
const arrival = { href: window.location.href, referrer: document.referrer, at: new Date() };

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element in index.html');

createRoot(container).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);

// Attribution runs on every page but in its own chunk: it shares the zod schemas with the
// signup form, and the landing page must not wait for either. A failure must not break the page.
void import('./attribution')
  .then(({ startAttribution }) => {
    startAttribution(arrival, (listener) =>
      router.subscribe((state) => {
        const { pathname, search, hash } = state.location;
        listener(new URL(`${pathname}${search}${hash}`, window.location.origin).href);
      }),
    );
  })
  .catch(() => undefined);
