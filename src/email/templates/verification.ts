import { linkExpiry } from './common.js';
import { renderEmail, type EmailTemplate } from './layout.js';

export interface VerificationVars {
  firstName: string;
  verifyUrl: string;
  expiresInHours: number;
}

export const verification: EmailTemplate<VerificationVars> = (v, lang) =>
  renderEmail(
    lang === 'ar'
      ? {
          lang,
          firstName: v.firstName,
          subject: 'أكّد حسابك في Stratum ✓',
          preheader: 'أكّد بريدك الإلكتروني لتبدأ أتمتة حملاتك الإعلانية.',
          blocks: [
            { kind: 'p', text: 'أهلًا بك في Stratum! انقر على الزر أدناه لتأكيد بريدك الإلكتروني والبدء في أتمتة حملاتك الإعلانية.' },
            { kind: 'button', label: 'تأكيد البريد الإلكتروني', url: v.verifyUrl, fallback: true },
            { kind: 'p', text: linkExpiry(v.expiresInHours, 'hour', lang) },
            { kind: 'note', text: 'إذا لم تُنشئ حسابًا في Stratum، فيمكنك تجاهل هذه الرسالة بأمان.' },
          ],
        }
      : {
          lang,
          firstName: v.firstName,
          subject: 'Verify your Stratum account ✓',
          preheader: 'Confirm your email to start automating your ad campaigns.',
          blocks: [
            { kind: 'p', text: 'Welcome to Stratum! Click below to verify your email and start automating your ad campaigns.' },
            { kind: 'button', label: 'Verify Email Address', url: v.verifyUrl, fallback: true },
            { kind: 'p', text: linkExpiry(v.expiresInHours, 'hour', lang) },
            { kind: 'note', text: 'If you didn’t create a Stratum account, you can safely ignore this email.' },
          ],
        },
  );
