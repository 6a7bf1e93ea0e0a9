import { renderEmail, type EmailTemplate } from './layout.js';

export interface WelcomeVars {
  firstName: string;
  appUrl: string;
  unsubscribeUrl: string;
}

/** Sent once the address is verified. */
export const welcome: EmailTemplate<WelcomeVars> = (v, lang) =>
  renderEmail(
    lang === 'ar'
      ? {
          lang,
          firstName: v.firstName,
          unsubscribeUrl: v.unsubscribeUrl,
          subject: 'أهلًا بك في Stratum',
          preheader: 'تم تأكيد بريدك الإلكتروني، ومساحة العمل الخاصة بك جاهزة.',
          blocks: [
            { kind: 'p', text: 'تم تأكيد بريدك الإلكتروني، ومساحة العمل الخاصة بك في Stratum جاهزة.' },
            {
              kind: 'p',
              text: 'يجمع Stratum حملاتك على ميتا وجوجل وتيك توك وسناب شات في لوحة تحكم واحدة، ولا يطبّق تغييرات التحسين تلقائيًا إلا عندما تكون إشارات التحويل لديك سليمة بما يكفي للوثوق بها.',
            },
            { kind: 'p', text: 'للبدء:' },
            {
              kind: 'list',
              ordered: true,
              items: [{ text: 'اربط حساباتك الإعلانية.' }, { text: 'تحقّق من سلامة الإشارات.' }, { text: 'حدّد أهداف مؤشرات الأداء وبوابة الثقة.' }],
            },
            { kind: 'button', label: 'افتح Stratum', url: v.appUrl },
            { kind: 'p', text: 'خلال الأسبوع القادم، سنرسل إليك بضع رسائل قصيرة تساعدك على الانطلاق.' },
          ],
        }
      : {
          lang,
          firstName: v.firstName,
          unsubscribeUrl: v.unsubscribeUrl,
          subject: 'Welcome to Stratum',
          preheader: 'Your email is verified and your workspace is ready.',
          blocks: [
            { kind: 'p', text: 'Your email is verified and your Stratum workspace is ready.' },
            {
              kind: 'p',
              text: 'Stratum brings your Meta, Google, TikTok and Snapchat campaigns into one dashboard, and applies optimisation changes automatically only while your conversion signals are healthy enough to trust.',
            },
            { kind: 'p', text: 'To get going:' },
            {
              kind: 'list',
              ordered: true,
              items: [{ text: 'Connect your ad accounts.' }, { text: 'Check your signal health.' }, { text: 'Set your KPI targets and your trust gate.' }],
            },
            { kind: 'button', label: 'Open Stratum', url: v.appUrl },
            { kind: 'p', text: 'Over the next week we’ll send you a few short emails to help you get set up.' },
          ],
        },
  );
