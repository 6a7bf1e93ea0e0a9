import net from 'node:net';
import { describe, expect, inject, it } from 'vitest';
import { startApp } from './support/server.js';

function acceptsConnections(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('process lifecycle', () => {
  it('says it is ready, serves app and sandbox, and exits 0 on SIGTERM', async () => {
    const app = await startApp({ webDistDir: inject('webDistDir') });
    try {
      expect(app.output()).toMatch(/Stratum is ready in \d+(\.\d+)? s at http:\/\/localhost:\d+/);
      expect(await (await fetch(`${app.url}/readyz`)).json()).toMatchObject({ status: 'ok' });
      expect((await fetch(`${app.sandboxUrl}/_sandbox/health`)).status).toBe(200);
    } finally {
      expect(await app.stop()).toBe(0);
    }
    expect(await acceptsConnections(app.url)).toBe(false);
    expect(await acceptsConnections(app.sandboxUrl)).toBe(false);
    // Shutdown is quiet at LOG_LEVEL=warn unless something went wrong while stopping.
    expect(app.output()).not.toMatch(/"level":(40|50|60)/);
  });
});
