import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { Router, createPath, type Navigator, type To } from 'react-router';
import i18n from '../../i18n';
import { toSupportedLanguage } from '../../i18n/languages';
import { SignupDialog } from '../account/SignupDialog';

const href = (to: To) => (typeof to === 'string' ? to : createPath(to));

// The landing page is not the app: a link inside the form (e.g. "Sign in") loads that page.
const documentNavigator: Navigator = {
  createHref: href,
  push: (to) => window.location.assign(href(to)),
  replace: (to) => window.location.replace(href(to)),
  go: (delta) => window.history.go(delta),
};

function DocumentRouter({ children }: { children: ReactNode }) {
  const { pathname, search, hash } = window.location;
  return (
    <Router location={{ pathname, search, hash }} navigator={documentNavigator}>
      {children}
    </Router>
  );
}

/**
 * Mounts the signup dialog (the same component the app uses) into `container`, in the
 * language the page was served in, and removes it again when it closes.
 */
export async function mountSignup(container: HTMLElement, onClosed: () => void): Promise<void> {
  const language = toSupportedLanguage(document.documentElement.lang);
  if (i18n.resolvedLanguage !== language) await i18n.changeLanguage(language);
  const root = createRoot(container);
  const close = () => {
    // After React has finished handling the close event that got us here.
    window.setTimeout(() => root.unmount(), 0);
    onClosed();
  };
  root.render(
    <StrictMode>
      <DocumentRouter>
        <SignupDialog onClose={close} />
      </DocumentRouter>
    </StrictMode>,
  );
}
