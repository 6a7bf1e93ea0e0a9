import { readFileSync } from 'node:fs';
import type { RawResponse } from '../http.js';

/**
 * Recorded platform answers for the translator and mapper tests. Each adapter keeps its own in
 * `<platform>/fixtures/`; these read them relative to the test file asking.
 */

/** `fixtureReader(import.meta.url)('token-exchange')` reads `fixtures/token-exchange.json` beside the test. */
export function fixtureReader<T = unknown>(testFileUrl: string): (name: string) => T {
  return (name) => JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, testFileUrl), 'utf8')) as T;
}

/** An answer as platformCall hands it to a translator: `body` is what JSON.parse gave, or the text when it could not. */
export function rawResponse(status: number, body: unknown, headers: Record<string, string> = {}): RawResponse {
  const text = typeof body === 'string' ? body : body === null ? '' : JSON.stringify(body);
  return { status, headers: new Headers(headers), body, text };
}

interface Recorded {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

/** Answers kept by name in one fixture file, `{ "<name>": { status, headers?, body } }`. */
export function recordedResponses(testFileUrl: string, file: string): (name: string) => RawResponse {
  const recorded = fixtureReader<Record<string, Recorded>>(testFileUrl)(file);
  return (name) => {
    const r = recorded[name];
    if (!r) throw new Error(`no recorded answer ${name} in ${file}.json`);
    return rawResponse(r.status, r.body, r.headers);
  };
}
