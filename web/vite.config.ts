import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { landingDevServer } from './landing-dev.ts';

// Overridable so the UI can be pointed at a sandbox or a second API instance
// without editing this file; the default matches `npm start`.
const apiTarget = process.env.STRATUM_API_URL ?? 'http://localhost:3000';

const proxiedPaths = ['/api', '/healthz', '/readyz', '/metrics'];
// The Host header is passed through unchanged: the API refuses a POST whose Origin is not
// its own host (CSRF check), and through the proxy the browser's Origin is the Vite server.
const proxy = Object.fromEntries(
  proxiedPaths.map((path) => [path, { target: apiTarget, changeOrigin: false }]),
);

export default defineConfig({
  // The build is started from the repo root (`npm run build:web`), so every
  // path is resolved from this file rather than from the working directory.
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), landingDevServer()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    rollupOptions: {
      // Two documents: the app (index.html, a client-rendered SPA) and the landing page's
      // template (landing.html), which the build then prerenders once per language.
      input: {
        index: fileURLToPath(new URL('index.html', import.meta.url)),
        landing: fileURLToPath(new URL('landing.html', import.meta.url)),
      },
    },
  },
  server: { proxy },
  // Same proxy for `vite preview`, so the built bundle can be tried against a
  // running API exactly as the dev server would.
  preview: { proxy },
});
