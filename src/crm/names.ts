/**
 * Splits the one "full name" field of our forms into the first and last names CRMs ask for.
 *
 * The first given name goes first and everything after it last, so family names of several
 * words stay whole: "Ahmed Al-Hassan", "Mohammed bin Salman Al Saud", "Jan van der Berg".
 * A compound Arabic given name stays one name: "Abdul Rahman", "عبد الله", "Abu Bakr".
 * "Family, Given" is read the other way round. One word is a first name with no last name.
 */
export interface SplitName {
  first: string | null;
  last: string | null;
}

/** Words that begin a two-word given name: Abd/Abdul … (servant of), Abu (father of). */
const COMPOUND_GIVEN = new Set(['abd', 'abdul', 'abdel', 'abdal', 'abdol', 'abdur', 'abu', 'abou', 'عبد', 'أبو', 'ابو']);

export function splitFullName(fullName: string | null | undefined): SplitName {
  const clean = (fullName ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!clean) return { first: null, last: null };

  const comma = clean.indexOf(',');
  if (comma > 0) {
    const last = clean.slice(0, comma).trim();
    const first = clean.slice(comma + 1).trim();
    if (last && first) return { first, last };
  }

  const words = clean.split(' ');
  let given = 1;
  if (words.length > 2 && COMPOUND_GIVEN.has(words[0]!.toLowerCase())) given = 2;
  const first = words.slice(0, given).join(' ');
  const last = words.slice(given).join(' ');
  return { first, last: last || null };
}
