import { renderEmail, type EmailTemplate } from './layout.js';

export interface CaseStudyVars {
  firstName: string;
  appUrl: string;
  unsubscribeUrl: string;
}

/**
 * Day 7 of onboarding. Stratum has no published customer results yet, so this is a worked,
 * clearly labelled hypothetical: no names, no numbers.
 */
export const caseStudy: EmailTemplate<CaseStudyVars> = (v, lang) =>
  renderEmail(
    lang === 'ar'
      ? {
          lang,
          firstName: v.firstName,
          unsubscribeUrl: v.unsubscribeUrl,
          subject: 'كيف يعمل الطيار الآلي القائم على الثقة لدى فريق تجارة إلكترونية',
          preheader: 'مثال توضيحي: أتمتة لا تعمل إلا عندما تستحق البيانات الثقة.',
          blocks: [
            { kind: 'callout', text: 'مثال توضيحي: هذا سيناريو افتراضي يشرح طريقة عمل Stratum، وليس نتائج عميل حقيقي.' },
            {
              kind: 'p',
              text: 'تخيّل متجرًا إلكترونيًا يعلن على ميتا وسناب شات وتيك توك، ويتابع فريق التسويق الصغير لديه لوحة تحكم كل منصة على حدة كل صباح.',
            },
            {
              kind: 'list',
              items: [
                { title: 'رؤية موحدة.', text: 'يربط الفريق حساباته الإعلانية، فيجمع Stratum الحملات والمقاييس اليومية في لوحة تحكم واحدة، بعملة واحدة ومنطقة زمنية واحدة.' },
                { title: 'تحويلات من جهة الخادم.', text: 'تُرسَل المشتريات من خادم المتجر إلى كل منصة، فتُحتسب التحويلات التي قد يفوّتها المتصفح.' },
                { title: 'بوابة الثقة.', text: 'يحدد الفريق مستوى سلامة الإشارات المطلوب قبل أن يغيّر Stratum أي شيء، ويحدد هدف مؤشر الأداء، مثل تكلفة الشراء.' },
                { title: 'طيار آلي ضمن حدود.', text: 'ما دامت سلامة الإشارات تجتاز البوابة، يطبّق Stratum توصياته بشأن الميزانيات والمزايدات تلقائيًا.' },
                {
                  title: 'عندما يتعطل التتبع.',
                  text: 'إذا أدى تعديل في الموقع إلى توقف وصول أحداث الشراء، تنخفض سلامة الإشارات دون البوابة، فيوقف Stratum تغييراته ويوضح للفريق السبب بدلًا من التحسين بناءً على بيانات خاطئة. وبعد إصلاح التتبع، تستأنف الأتمتة عملها.',
                },
              ],
            },
            { kind: 'p', text: 'الفكرة ليست أن تعمل الأتمتة دائمًا، بل ألا تعمل إلا عندما تستحق البيانات الثقة.' },
            { kind: 'button', label: 'افتح Stratum', url: v.appUrl },
          ],
        }
      : {
          lang,
          firstName: v.firstName,
          unsubscribeUrl: v.unsubscribeUrl,
          subject: 'How a trust-gated autopilot works for an e-commerce team',
          preheader: 'An illustrative example: automation that acts only when the data deserves trust.',
          blocks: [
            { kind: 'callout', text: 'Illustrative example: this is a hypothetical scenario showing how Stratum works, not a real customer’s results.' },
            {
              kind: 'p',
              text: 'Picture an online store that advertises on Meta, Snapchat and TikTok, with a small marketing team checking each platform’s dashboard separately every morning.',
            },
            {
              kind: 'list',
              items: [
                { title: 'One view.', text: 'The team connects its ad accounts, and Stratum brings campaigns and daily metrics into one dashboard, in one currency and one time zone.' },
                { title: 'Server-side conversions.', text: 'Purchases are sent from the store’s server to each platform, so conversions the browser misses still count.' },
                { title: 'The trust gate.', text: 'The team sets the signal health Stratum must see before it changes anything, and a KPI target such as cost per purchase.' },
                { title: 'Autopilot, within limits.', text: 'While signal health passes the gate, Stratum applies its budget and bid recommendations automatically.' },
                {
                  title: 'When tracking breaks.',
                  text: 'If a site change stops purchase events from arriving, signal health drops below the gate. Stratum stops making changes and shows the team why, instead of optimising on bad data. Once tracking is fixed, automation resumes.',
                },
              ],
            },
            { kind: 'p', text: 'The point isn’t that automation is always on. It’s that it’s only on when the data deserves trust.' },
            { kind: 'button', label: 'Open Stratum', url: v.appUrl },
          ],
        },
  );
