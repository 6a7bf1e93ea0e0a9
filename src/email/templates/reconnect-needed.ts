import { renderEmail, type EmailTemplate } from './layout.js';

export interface ReconnectNeededVars {
  firstName: string;
  platformName: string;
  connectUrl: string;
  reason: string;
}

/** Sent once when a platform stops accepting the workspace's token (expired, revoked, password changed). */
export const reconnectNeeded: EmailTemplate<ReconnectNeededVars> = (v, lang) =>
  renderEmail(
    lang === 'ar'
      ? {
          lang,
          firstName: v.firstName,
          subject: `أعد ربط ${v.platformName} بـ Stratum`,
          preheader: `توقّف ${v.platformName} عن قبول وصول Stratum، لذا توقفت مزامنة بياناتك.`,
          blocks: [
            { kind: 'p', text: `لم يعد ${v.platformName} يقبل الإذن الذي منحته لـ Stratum، لذلك أوقفنا مزامنة هذا الحساب والإجراءات التلقائية عليه حتى تعيد ربطه.` },
            { kind: 'note', text: `السبب كما أبلغت عنه المنصة: ${v.reason}` },
            { kind: 'button', label: `أعد ربط ${v.platformName}`, url: v.connectUrl, fallback: true },
            { kind: 'p', text: 'تبقى بياناتك التي تمت مزامنتها محفوظة، وتُستأنف المزامنة من حيث توقفت بعد إعادة الربط.' },
          ],
        }
      : {
          lang,
          firstName: v.firstName,
          subject: `Reconnect ${v.platformName} to Stratum`,
          preheader: `${v.platformName} stopped accepting Stratum's access, so syncing has paused.`,
          blocks: [
            { kind: 'p', text: `${v.platformName} no longer accepts the permission you gave Stratum, so we paused syncing and any automation on those accounts until you reconnect.` },
            { kind: 'note', text: `The platform's reason: ${v.reason}` },
            { kind: 'button', label: `Reconnect ${v.platformName}`, url: v.connectUrl, fallback: true },
            { kind: 'p', text: 'Your synced data stays in place, and syncing picks up where it stopped once you reconnect.' },
          ],
        },
  );
