import { renderEmail, type EmailTemplate } from './layout.js';

export interface AlreadyRegisteredVars {
  firstName: string;
  loginUrl: string;
  resetUrl: string;
}

/** Sent instead of a second verification email, so the signup form never reveals whether an account exists. */
export const alreadyRegistered: EmailTemplate<AlreadyRegisteredVars> = (v, lang) =>
  renderEmail(
    lang === 'ar'
      ? {
          lang,
          firstName: v.firstName,
          subject: 'لديك حساب في Stratum بالفعل',
          preheader: 'سجّل الدخول إلى حسابك الحالي أو أعد تعيين كلمة المرور.',
          blocks: [
            {
              kind: 'p',
              text: 'حاول أحدهم، ونرجّح أنه أنت، إنشاء حساب في Stratum بعنوان البريد الإلكتروني هذا. لديك حساب بالفعل، فلا حاجة إلى التسجيل مرة أخرى.',
            },
            { kind: 'button', label: 'تسجيل الدخول', url: v.loginUrl, fallback: true },
            { kind: 'link', lead: 'نسيت كلمة المرور؟ يمكنك إعادة تعيينها من هنا:', url: v.resetUrl },
            { kind: 'note', text: 'إذا لم تكن أنت من حاول التسجيل، فتجاهل هذه الرسالة بأمان؛ لم يتغير شيء في حسابك.' },
          ],
        }
      : {
          lang,
          firstName: v.firstName,
          subject: 'You already have a Stratum account',
          preheader: 'Sign in to your existing account or reset your password.',
          blocks: [
            {
              kind: 'p',
              text: 'Someone, hopefully you, just tried to create a Stratum account with this email address. You already have an account, so there’s no need to sign up again.',
            },
            { kind: 'button', label: 'Sign In', url: v.loginUrl, fallback: true },
            { kind: 'link', lead: 'Forgot your password? Reset it here:', url: v.resetUrl },
            { kind: 'note', text: 'If this wasn’t you, you can safely ignore this email. Nothing about your account has changed.' },
          ],
        },
  );
