// "عبد الله" or "Abdul Rahman" is one given name written as two words; "عبد" alone would be a rude greeting.
const COMPOUND_PREFIXES = new Set(['عبد', 'أبو', 'ابو', 'abd', 'abdul', 'abdel', 'abu']);

/** The name to greet someone by: the first word of their full name, keeping Arabic compound names whole. */
export function firstNameOf(fullName: string): string {
  const [first, second] = fullName.trim().split(/\s+/u);
  if (!first) return '';
  return second && COMPOUND_PREFIXES.has(first.toLowerCase()) ? `${first} ${second}` : first;
}
