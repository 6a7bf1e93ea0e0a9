import { createBrowserRouter, type RouteObject } from 'react-router';
import { NotFoundContent, NotFoundPage } from './pages/NotFound';
import { RouteErrorPage } from './pages/RouteErrorPage';
import { RouteLoading } from './pages/RouteLoading';
import type { PlaceholderSection } from './pages/app/sections';

// Everything under /app is code-split so the landing page ships only its own code.
function placeholder(section: PlaceholderSection): Pick<RouteObject, 'lazy'> {
  return {
    lazy: async () => {
      const { PlaceholderPage } = await import('./pages/app/PlaceholderPage');
      return { element: <PlaceholderPage section={section} /> };
    },
  };
}

// The landing page is not part of the app: the server answers `/` with prerendered HTML.
// A link to it from inside the app (the brand, "Go to the homepage", `/?signup=1`) therefore
// loads it as a document. Loaders run before the address changes, so an address already equal
// to the request's means this document itself is `/` (never so when served by Stratum): then
// the app shows its loading line rather than reload in a loop.
function landingDocument({ request }: { request: Request }): Promise<never> | null {
  const url = new URL(request.url);
  const target = `${url.pathname}${url.search}${url.hash}`;
  if (`${window.location.pathname}${window.location.search}${window.location.hash}` === target) return null;
  window.location.assign(target);
  return new Promise<never>(() => undefined);
}

export const routes: RouteObject[] = [
  {
    errorElement: <RouteErrorPage />,
    HydrateFallback: RouteLoading,
    children: [
      { index: true, loader: landingDocument, Component: RouteLoading },
      {
        path: 'app',
        lazy: async () => {
          const { AppShell } = await import('./pages/app/AppShell');
          return { Component: AppShell };
        },
        children: [
          { index: true, ...placeholder('dashboard') },
          { path: 'campaigns', ...placeholder('campaigns') },
          { path: 'analytics', ...placeholder('analytics') },
          { path: 'automation', ...placeholder('automation') },
          {
            path: 'settings',
            lazy: async () => {
              const { SettingsPage, settingsLoader } = await import('./pages/app/settings/SettingsPage');
              return { loader: settingsLoader, Component: SettingsPage };
            },
          },
          {
            path: 'system',
            lazy: async () => {
              const { SystemPage } = await import('./pages/app/SystemPage');
              return { Component: SystemPage };
            },
          },
          { path: '*', Component: NotFoundContent },
        ],
      },
      // Account pages: each its own chunk, none of it in the landing bundle.
      {
        path: 'signup/success',
        lazy: async () => ({ Component: (await import('./pages/account/SignupSuccessPage')).SignupSuccessPage }),
      },
      {
        path: 'verify-email',
        lazy: async () => ({ Component: (await import('./pages/account/VerifyEmailPage')).VerifyEmailPage }),
      },
      {
        path: 'login',
        lazy: async () => ({ Component: (await import('./pages/account/LoginPage')).LoginPage }),
      },
      {
        path: 'forgot-password',
        lazy: async () => ({ Component: (await import('./pages/account/ForgotPasswordPage')).ForgotPasswordPage }),
      },
      {
        path: 'reset-password',
        lazy: async () => ({ Component: (await import('./pages/account/ResetPasswordPage')).ResetPasswordPage }),
      },
      // The setup wizard and what follows it: their own chunks (the wizard brings zod and
      // the server's step schemas, which the landing page must not load).
      {
        path: 'onboarding',
        lazy: async () => {
          const { OnboardingPage, onboardingLoader } = await import('./pages/onboarding/OnboardingPage');
          return { loader: onboardingLoader, Component: OnboardingPage };
        },
      },
      {
        path: 'connect',
        lazy: async () => {
          const { ConnectPage, connectLoader } = await import('./pages/connect/ConnectPage');
          return { loader: connectLoader, Component: ConnectPage };
        },
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
