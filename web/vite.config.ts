import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Overridable so the UI can be pointed at a sandbox or a second API instance
// without editing this file; the default matches `npm start`.
const apiTarget = process.env.STRATUM_API_URL ?? 'http://localhost:3000';

const proxiedPaths = ['/api', '/healthz', '/readyz', '/metrics'];
const proxy = Object.fromEntries(
  proxiedPaths.map((path) => [path, { target: apiTarget, changeOrigin: true }]),
);

export default defineConfig({
  // The build is started from the repo root (`npm run build:web`), so every
  // path is resolved from this file rather than from the working directory.
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
  },
  server: { proxy },
  // Same proxy for `vite preview`, so the built bundle can be tried against a
  // running API exactly as the dev server would.
  preview: { proxy },
});
