import { renderEmail, type EmailTemplate } from './layout.js';

export interface GettingStartedVars {
  firstName: string;
  connectUrl: string;
  unsubscribeUrl: string;
}

/** Day 1 of onboarding. */
export const gettingStarted: EmailTemplate<GettingStartedVars> = (v, lang) =>
  renderEmail(
    lang === 'ar'
      ? {
          lang,
          firstName: v.firstName,
          unsubscribeUrl: v.unsubscribeUrl,
          subject: 'ثلاث خطوات لتحقيق أقصى استفادة من Stratum',
          preheader: 'اربط حساباتك، وتحقّق من سلامة الإشارات، وحدّد أهدافك.',
          blocks: [
            { kind: 'p', text: 'إليك ثلاث خطوات تساعدك على تحقيق أقصى استفادة من Stratum في أسبوعك الأول:' },
            {
              kind: 'list',
              ordered: true,
              items: [
                {
                  title: 'اربط حساباتك الإعلانية.',
                  text: 'عندها يجمع Stratum حملاتك ومقاييسها اليومية من ميتا وجوجل وتيك توك وسناب شات في لوحة تحكم واحدة.',
                },
                {
                  title: 'تحقّق من سلامة الإشارات.',
                  text: 'يراقب Stratum مدى موثوقية تتبّع التحويلات لديك. ولا تعمل الأتمتة إلا ما دامت سلامة الإشارات تجتاز بوابة الثقة التي تحددها، وإذا تعطّل التتبع توقفت التغييرات وأوضح لك Stratum السبب.',
                },
                {
                  title: 'حدّد أهداف مؤشرات الأداء.',
                  text: 'أخبر Stratum بتكلفة الاكتساب أو العائد على الإنفاق الإعلاني الذي تستهدفه، لتعمل توصياته على تحقيق أهدافك.',
                },
              ],
            },
            { kind: 'button', label: 'اربط حسابًا إعلانيًا', url: v.connectUrl },
          ],
        }
      : {
          lang,
          firstName: v.firstName,
          unsubscribeUrl: v.unsubscribeUrl,
          subject: '3 steps to get the most out of Stratum',
          preheader: 'Connect your accounts, check your signal health and set your targets.',
          blocks: [
            { kind: 'p', text: 'Here are three steps that get the most out of Stratum in your first week:' },
            {
              kind: 'list',
              ordered: true,
              items: [
                {
                  title: 'Connect your ad accounts.',
                  text: 'Link Meta, Google, TikTok or Snapchat so Stratum can bring your campaigns and daily metrics into one dashboard.',
                },
                {
                  title: 'Check your signal health.',
                  text: 'Stratum watches how reliable your conversion tracking is. Automation runs only while signal health passes the trust gate you set; if tracking breaks, changes stop and Stratum shows you why.',
                },
                {
                  title: 'Set your KPI targets.',
                  text: 'Tell Stratum the cost per acquisition or return on ad spend you’re aiming for, so its recommendations work towards your goals.',
                },
              ],
            },
            { kind: 'button', label: 'Connect an Ad Account', url: v.connectUrl },
          ],
        },
  );
