import { classifyEmailDomain } from '../../capture/email-domain.js';
import { firstNameOf } from '../../email/templates/names.js';

const SECOND_LEVEL = new Set(['com', 'co', 'net', 'org', 'gov', 'edu', 'ac', 'sch', 'med']);
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A person's name when the provider gave none: the address's local part, "sara.qahtani" → "Sara Qahtani". */
export function nameFromEmail(email: string): string {
  const local = email.slice(0, Math.max(0, email.indexOf('@'))).replace(/\+.*$/, '');
  const words = local.split(/[._-]+/).filter((w) => /[a-z]/i.test(w));
  return words.length > 0 ? words.map(capitalize).join(' ').slice(0, 200) : email.slice(0, 200);
}

/**
 * The workspace of someone who signed up through a provider: the company they typed, else
 * their work domain's name ("midasfurniture.com" → "Midasfurniture", "rawabi.com.sa" → "Rawabi"),
 * else one named after them (a free-mail address says nothing about a company).
 */
export function workspaceNameFor(p: { companyName: string | null; email: string; fullName: string; language: 'en' | 'ar' }): string {
  const typed = p.companyName?.trim();
  if (typed) return typed.slice(0, 200);
  const { kind, domain } = classifyEmailDomain(p.email);
  if (kind === 'work' && domain) {
    const labels = domain.split('.').slice(0, -1);
    if (labels.length > 1 && SECOND_LEVEL.has(labels[labels.length - 1]!)) labels.pop();
    const name = labels[labels.length - 1];
    if (name) return capitalize(name);
  }
  const first = firstNameOf(p.fullName) || nameFromEmail(p.email);
  return p.language === 'ar' ? `مساحة عمل ${first}` : `${first}'s workspace`;
}
