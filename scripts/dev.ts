import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * `npm run dev`: the server restarting on change (tsx watch) and Vite's dev server with
 * hot reload, proxying the API to it. Open the Vite URL it prints (default :5173).
 */
const bin = (name: string) => path.resolve('node_modules/.bin', name);
const children: ChildProcess[] = [
  spawn(bin('tsx'), ['watch', '--clear-screen=false', 'src/main.ts', 'all'], {
    stdio: 'inherit',
    env: { ...process.env, WEB_BUILD_ON_START: 'false', LOG_FORMAT: process.env.LOG_FORMAT ?? 'pretty' },
  }),
  spawn(bin('vite'), ['--config', 'web/vite.config.ts'], {
    stdio: 'inherit',
    env: { ...process.env, STRATUM_API_URL: process.env.STRATUM_API_URL ?? `http://localhost:${process.env.PORT ?? 3000}` },
  }),
];

let stopping = false;
const stop = (code: number) => {
  if (stopping) return;
  stopping = true;
  for (const c of children) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
};
for (const c of children) c.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
