import { renderEmail, type EmailTemplate } from './layout.js';

export interface NeedHelpConnectingVars {
  firstName: string;
  connectUrl: string;
  unsubscribeUrl: string;
}

/**
 * Day 3 of onboarding; the caller sends it only when no ad account is connected yet.
 * It invites a reply, so send it with a `replyTo` someone reads.
 */
export const needHelpConnecting: EmailTemplate<NeedHelpConnectingVars> = (v, lang) =>
  renderEmail(
    lang === 'ar'
      ? {
          lang,
          firstName: v.firstName,
          unsubscribeUrl: v.unsubscribeUrl,
          subject: 'هل تحتاج إلى مساعدة في ربط حساباتك الإعلانية؟',
          preheader: 'يستغرق ربط حسابك الإعلاني الأول بضع دقائق فقط.',
          blocks: [
            {
              kind: 'p',
              text: 'لم تربط أي حساب إعلاني بعد. لا يستطيع Stratum جمع حملاتك أو التحقق من سلامة الإشارات قبل ربط حساب واحد على الأقل.',
            },
            {
              kind: 'p',
              text: 'يستغرق الربط بضع دقائق: اختر المنصة، وسجّل الدخول بالحساب الذي يدير إعلاناتك، ثم وافق على الأذونات التي يطلبها Stratum.',
            },
            {
              kind: 'list',
              items: [
                { text: 'استخدم حسابًا يملك صلاحيات المسؤول على الحساب الإعلاني.' },
                { text: 'إذا كانت وكالة تدير إعلاناتك، فاطلب منها منحك الصلاحية أو ربط الحساب نيابةً عنك.' },
                { text: 'ربط الحساب لا يغيّر حملاتك بحد ذاته، فالأتمتة لا تعمل إلا عندما تجتاز سلامة الإشارات بوابة الثقة التي تحددها.' },
              ],
            },
            { kind: 'button', label: 'اربط حسابًا إعلانيًا', url: v.connectUrl },
            { kind: 'p', text: 'هل واجهتك مشكلة؟ ردّ على هذه الرسالة وأخبرنا أين توقفت، وسنساعدك.' },
          ],
        }
      : {
          lang,
          firstName: v.firstName,
          unsubscribeUrl: v.unsubscribeUrl,
          subject: 'Need a hand connecting your ad accounts?',
          preheader: 'Connecting your first ad account takes just a few minutes.',
          blocks: [
            {
              kind: 'p',
              text: 'You haven’t connected an ad account yet. Stratum can’t bring in your campaigns or check your signal health until at least one is linked.',
            },
            {
              kind: 'p',
              text: 'Connecting takes a few minutes: choose the platform, sign in with the login that manages your ads, and approve the permissions Stratum asks for.',
            },
            {
              kind: 'list',
              items: [
                { text: 'Use a login with admin access to the ad account.' },
                { text: 'If an agency runs your ads, ask them to give you access or to connect the account for you.' },
                { text: 'Connecting doesn’t change your campaigns by itself: automation only acts while your signal health passes the trust gate you set.' },
              ],
            },
            { kind: 'button', label: 'Connect an Ad Account', url: v.connectUrl },
            { kind: 'p', text: 'Stuck? Reply to this email and tell us where, and we’ll help.' },
          ],
        },
  );
