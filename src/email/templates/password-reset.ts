import { linkExpiry } from './common.js';
import { renderEmail, type EmailTemplate } from './layout.js';

export interface PasswordResetVars {
  firstName: string;
  resetUrl: string;
  expiresInMinutes: number;
}

export const passwordReset: EmailTemplate<PasswordResetVars> = (v, lang) =>
  renderEmail(
    lang === 'ar'
      ? {
          lang,
          firstName: v.firstName,
          subject: 'إعادة تعيين كلمة المرور لحسابك في Stratum',
          preheader: 'اختر كلمة مرور جديدة لحسابك في Stratum.',
          blocks: [
            { kind: 'p', text: 'تلقّينا طلبًا لإعادة تعيين كلمة المرور لحسابك في Stratum. انقر على الزر أدناه لاختيار كلمة مرور جديدة.' },
            { kind: 'button', label: 'إعادة تعيين كلمة المرور', url: v.resetUrl, fallback: true },
            { kind: 'p', text: linkExpiry(v.expiresInMinutes, 'minute', lang) },
            { kind: 'note', text: 'إذا لم تطلب إعادة تعيين كلمة المرور، فيمكنك تجاهل هذه الرسالة، ولن تتغير كلمة مرورك.' },
          ],
        }
      : {
          lang,
          firstName: v.firstName,
          subject: 'Reset your Stratum password',
          preheader: 'Choose a new password for your Stratum account.',
          blocks: [
            { kind: 'p', text: 'We received a request to reset the password for your Stratum account. Click below to choose a new one.' },
            { kind: 'button', label: 'Reset Password', url: v.resetUrl, fallback: true },
            { kind: 'p', text: linkExpiry(v.expiresInMinutes, 'minute', lang) },
            { kind: 'note', text: 'If you didn’t ask to reset your password, you can ignore this email. Your password won’t change.' },
          ],
        },
  );
