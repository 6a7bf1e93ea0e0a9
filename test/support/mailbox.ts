/** One message as `GET /api/v1/dev/mailbox` lists it. */
export interface Mail {
  id: string;
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string>;
  links: string[];
  sent_at: string;
}

/** Reads a JSON path of the app: `app.inject` in integration tests, `fetch` against a running process in e2e. */
export type GetJson = (path: string) => Promise<unknown>;

/**
 * Polls the dev mailbox of `to` until `ready` holds (email is sent by a job, a moment after
 * the request that causes it), then returns the messages, newest first.
 */
export async function waitForMail(get: GetJson, to: string, ready: (mail: Mail[]) => boolean, timeoutMs = 20_000): Promise<Mail[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const mail = (await get(`/api/v1/dev/mailbox?to=${encodeURIComponent(to)}`)) as Mail[];
    if (ready(mail)) return mail;
    if (Date.now() > until) throw new Error(`the dev mailbox of ${to} never had what the test waited for (${mail.length} messages)`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** The first link containing `part` in any of `to`'s messages, once one arrives. */
export async function waitForLink(get: GetJson, to: string, part: string): Promise<string> {
  const mail = await waitForMail(get, to, (m) => m.some((x) => x.links.some((l) => l.includes(part))));
  return mail.flatMap((m) => m.links).find((l) => l.includes(part))!;
}
