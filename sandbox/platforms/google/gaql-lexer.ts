/**
 * Tokens of the Google Ads Query Language: dotted field names, keywords (case-insensitive),
 * quoted strings (single or double quotes, backslash escapes), numbers and punctuation.
 */
export type Tok =
  | { t: 'word'; v: string; at: number }
  | { t: 'string'; v: string; at: number }
  | { t: 'number'; v: string; at: number }
  | { t: 'punct'; v: ',' | '(' | ')' | '=' | '!=' | '>' | '>=' | '<' | '<='; at: number }
  | { t: 'end'; at: number };

/** A QueryError (GAQL) with the text Google shows for it. */
export class GaqlError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly trigger?: string,
  ) {
    super(message);
  }
}

export function lex(query: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === "'" || c === '"') {
      let v = '';
      i++;
      for (;;) {
        if (i >= query.length) throw new GaqlError('STRING_NOT_TERMINATED', `String not terminated in the query, starting at character ${start + 1}.`);
        const d = query[i]!;
        if (d === '\\') {
          const next = query[i + 1];
          if (next === undefined) throw new GaqlError('BAD_ESCAPE_SEQUENCE', 'Bad escape sequence in the query.');
          v += next;
          i += 2;
          continue;
        }
        if (d === '\n') throw new GaqlError('PROHIBITED_NEWLINE_IN_STRING', 'A string in the query contains a newline character.');
        if (d === c) break;
        v += d;
        i++;
      }
      i++;
      out.push({ t: 'string', v, at: start });
      continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(query.slice(i));
    if (num && (c !== '-' || /\d/.test(query[i + 1] ?? ''))) {
      out.push({ t: 'number', v: num[0], at: start });
      i += num[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(query.slice(i));
    if (word) {
      out.push({ t: 'word', v: word[0], at: start });
      i += word[0].length;
      continue;
    }
    const two = query.slice(i, i + 2);
    if (two === '!=' || two === '>=' || two === '<=') {
      out.push({ t: 'punct', v: two, at: start });
      i += 2;
      continue;
    }
    if (c === ',' || c === '(' || c === ')' || c === '=' || c === '>' || c === '<') {
      out.push({ t: 'punct', v: c, at: start });
      i++;
      continue;
    }
    throw new GaqlError('BAD_SYMBOL', `Unexpected symbol in the query: '${c}' at character ${start + 1}.`, c);
  }
  out.push({ t: 'end', at: query.length });
  return out;
}
