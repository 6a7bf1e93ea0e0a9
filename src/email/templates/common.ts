export type EmailLang = 'en' | 'ar';

/**
 * Signup forms are a classic spam relay: a "name" such as "Win cash at evil.example" gets
 * mailed to any address typed in. Names that look like links are dropped, not echoed.
 */
function greetableName(firstName: string): string {
  const name = firstName.trim();
  if (name.length === 0 || name.length > 40) return '';
  if (/:\/\/|www\.|@|[\p{L}\d-]\.\p{L}{2,}/iu.test(name)) return '';
  return name;
}

export function greeting(firstName: string, lang: EmailLang): string {
  const name = greetableName(firstName);
  if (lang === 'ar') return name ? `مرحبًا ${name}،` : 'مرحبًا،';
  return name ? `Hi ${name},` : 'Hi there,';
}

export const signOff: Record<EmailLang, string> = { en: 'The Stratum team', ar: 'فريق Stratum' };

export const companyLine: Record<EmailLang, string> = {
  en: 'Stratum · Trust-gated ad autopilot for Meta, Google, TikTok and Snapchat',
  ar: 'Stratum · طيار آلي قائم على الثقة لإعلانات ميتا وجوجل وتيك توك وسناب شات',
};

export const footerReason: Record<EmailLang, { transactional: string; marketing: string; unsubscribe: string }> = {
  en: {
    transactional: 'You received this email because this address was entered on Stratum.',
    marketing: 'You received this email because you signed up for Stratum.',
    unsubscribe: 'Unsubscribe from these emails',
  },
  ar: {
    transactional: 'وصلتك هذه الرسالة لأن عنوان بريدك الإلكتروني أُدخل في Stratum.',
    marketing: 'وصلتك هذه الرسالة لأنك سجّلت في Stratum.',
    unsubscribe: 'إلغاء الاشتراك في هذه الرسائل',
  },
};

export const buttonFallback: Record<EmailLang, string> = {
  en: 'If the button doesn’t work, copy this link into your browser:',
  ar: 'إذا لم يعمل الزر، فانسخ هذا الرابط والصقه في متصفحك:',
};

type Unit = 'hour' | 'minute';

// Arabic counts agree with the number: 1 and 2 replace it, 3–10 take the plural, 11+ the singular.
const AR_UNITS: Record<Unit, { one: string; two: string; few: string; many: string }> = {
  hour: { one: 'ساعة واحدة', two: 'ساعتين', few: 'ساعات', many: 'ساعة' },
  minute: { one: 'دقيقة واحدة', two: 'دقيقتين', few: 'دقائق', many: 'دقيقة' },
};
const arPlural = new Intl.PluralRules('ar');
const enPlural = new Intl.PluralRules('en');

/** "24 hours" / "24 ساعة", for "expires in …" / "خلال …". */
export function duration(n: number, unit: Unit, lang: EmailLang): string {
  if (lang === 'en') return `${n} ${unit}${enPlural.select(n) === 'one' ? '' : 's'}`;
  const forms = AR_UNITS[unit];
  switch (arPlural.select(n)) {
    case 'one':
      return forms.one;
    case 'two':
      return forms.two;
    case 'few':
      return `${n} ${forms.few}`;
    default:
      return `${n} ${forms.many}`;
  }
}

export function linkExpiry(n: number, unit: Unit, lang: EmailLang): string {
  const d = duration(n, unit, lang);
  return lang === 'ar' ? `تنتهي صلاحية هذا الرابط خلال ${d}.` : `This link expires in ${d}.`;
}
