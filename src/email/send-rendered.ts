import type { JobServices } from '../jobs/define.js';
import type { RenderedEmail } from './templates/index.js';

/** Sends a rendered template to one address from the configured sender. */
export function sendRendered(services: JobServices, to: string, mail: RenderedEmail): Promise<{ id: string }> {
  return services.email.send({
    to,
    from: services.emailFrom,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    ...(mail.headers ? { headers: mail.headers } : {}),
  });
}
