import { GaqlError, lex, type Tok } from './gaql-lexer.js';

export { GaqlError } from './gaql-lexer.js';

/**
 * GAQL: `SELECT f, … FROM resource [WHERE cond AND …] [ORDER BY f [ASC|DESC], …] [LIMIT n]
 * [PARAMETERS name = value]`. Conditions are only ever joined with AND (GAQL has no OR).
 */
export type GaqlValue = { kind: 'string' | 'number' | 'word'; v: string };

export type Op =
  | '='
  | '!='
  | '>'
  | '>='
  | '<'
  | '<='
  | 'IN'
  | 'NOT IN'
  | 'LIKE'
  | 'NOT LIKE'
  | 'IS NULL'
  | 'IS NOT NULL'
  | 'BETWEEN'
  | 'DURING'
  | 'CONTAINS ANY'
  | 'CONTAINS ALL'
  | 'CONTAINS NONE'
  | 'REGEXP_MATCH'
  | 'NOT REGEXP_MATCH';

export interface Condition {
  field: string;
  op: Op;
  values: GaqlValue[];
}

export interface GaqlQuery {
  select: string[];
  from: string;
  where: Condition[];
  orderBy: Array<{ field: string; desc: boolean }>;
  limit: number | null;
  parameters: Record<string, string>;
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}

  private peek(): Tok {
    return this.toks[this.i]!;
  }
  private next(): Tok {
    return this.toks[this.i++]!;
  }
  private isWord(w: string): boolean {
    const t = this.peek();
    return t.t === 'word' && t.v.toUpperCase() === w;
  }
  private eatWord(w: string): boolean {
    if (!this.isWord(w)) return false;
    this.i++;
    return true;
  }
  private unexpected(): GaqlError {
    const t = this.peek();
    if (t.t === 'end') return new GaqlError('UNEXPECTED_END_OF_QUERY', 'Unexpected end of query.');
    const text = 'v' in t ? t.v : '';
    return new GaqlError('UNEXPECTED_INPUT', `Error in query: unexpected input ${text}.`, text);
  }

  private field(): string {
    const t = this.peek();
    if (t.t !== 'word' || !t.v.includes('.')) {
      if (t.t === 'word') throw new GaqlError('UNRECOGNIZED_FIELD', `Unrecognized field in the query: '${t.v}'.`, t.v);
      throw this.unexpected();
    }
    this.i++;
    return t.v;
  }

  private value(): GaqlValue {
    const t = this.next();
    if (t.t === 'string' || t.t === 'number' || t.t === 'word') return { kind: t.t, v: t.v };
    this.i--;
    throw this.unexpected();
  }

  private list(): GaqlValue[] {
    const open = this.next();
    if (open.t !== 'punct' || open.v !== '(') throw new GaqlError('EXPECTED_LIST', 'Expected a list of values in parentheses.');
    const out: GaqlValue[] = [];
    if (this.peek().t === 'punct' && (this.peek() as { v: string }).v === ')') {
      throw new GaqlError('PROHIBITED_EMPTY_LIST_IN_CONDITION', 'Empty list in a condition.');
    }
    for (;;) {
      out.push(this.value());
      const t = this.next();
      if (t.t === 'punct' && t.v === ',') continue;
      if (t.t === 'punct' && t.v === ')') return out;
      this.i--;
      throw this.unexpected();
    }
  }

  private condition(): Condition {
    const field = this.field();
    const t = this.peek();
    if (t.t === 'punct' && t.v !== ',' && t.v !== '(' && t.v !== ')') {
      this.i++;
      return { field, op: t.v, values: [this.value()] };
    }
    const w = t.t === 'word' ? t.v.toUpperCase() : '';
    this.i++;
    switch (w) {
      case 'IN':
        return { field, op: 'IN', values: this.list() };
      case 'LIKE':
      case 'REGEXP_MATCH':
        return { field, op: w, values: [this.value()] };
      case 'DURING':
        return { field, op: 'DURING', values: [this.value()] };
      case 'BETWEEN': {
        const lo = this.value();
        if (!this.eatWord('AND')) throw new GaqlError('EXPECTED_VALUE_WITH_BETWEEN_OPERATOR', 'Expected AND between the two values of BETWEEN.');
        return { field, op: 'BETWEEN', values: [lo, this.value()] };
      }
      case 'IS':
        if (this.eatWord('NULL')) return { field, op: 'IS NULL', values: [] };
        if (this.eatWord('NOT') && this.eatWord('NULL')) return { field, op: 'IS NOT NULL', values: [] };
        break;
      case 'NOT':
        if (this.eatWord('IN')) return { field, op: 'NOT IN', values: this.list() };
        if (this.eatWord('LIKE')) return { field, op: 'NOT LIKE', values: [this.value()] };
        if (this.eatWord('REGEXP_MATCH')) return { field, op: 'NOT REGEXP_MATCH', values: [this.value()] };
        break;
      case 'CONTAINS':
        for (const k of ['ANY', 'ALL', 'NONE'] as const) if (this.eatWord(k)) return { field, op: `CONTAINS ${k}`, values: this.list() };
        break;
    }
    this.i--;
    const text = 'v' in t ? t.v : '';
    throw new GaqlError('BAD_OPERATOR', `Invalid operator in the query: '${text}'.`, text);
  }

  parse(): GaqlQuery {
    if (!this.eatWord('SELECT')) throw new GaqlError('EXPECTED_SELECT', 'Expected SELECT at the start of the query.');
    const select = [this.field()];
    while (this.peek().t === 'punct' && (this.peek() as { v: string }).v === ',') {
      this.i++;
      select.push(this.field());
    }
    if (!this.eatWord('FROM')) throw this.peek().t === 'end' ? new GaqlError('EXPECTED_FROM', 'Expected FROM after the selected fields.') : this.unexpected();
    const from = this.next();
    if (from.t !== 'word' || from.v.includes('.')) {
      const text = 'v' in from ? from.v : '';
      throw new GaqlError('BAD_RESOURCE_TYPE_IN_FROM_CLAUSE', `Invalid resource type in the FROM clause: '${text}'.`, text);
    }
    const q: GaqlQuery = { select, from: from.v, where: [], orderBy: [], limit: null, parameters: {} };
    if (this.eatWord('WHERE')) {
      q.where.push(this.condition());
      while (this.eatWord('AND')) q.where.push(this.condition());
      if (this.isWord('OR')) throw new GaqlError('UNEXPECTED_INPUT', 'Error in query: unexpected input OR. GAQL joins conditions with AND only.', 'OR');
    }
    if (this.eatWord('ORDER')) {
      if (!this.eatWord('BY')) throw new GaqlError('EXPECTED_BY', 'Expected BY after ORDER.');
      do {
        const field = this.field();
        const desc = this.eatWord('DESC');
        if (!desc) this.eatWord('ASC');
        q.orderBy.push({ field, desc });
      } while (this.peek().t === 'punct' && (this.peek() as { v: string }).v === ',' && this.next());
    }
    if (this.eatWord('LIMIT')) {
      const t = this.next();
      if (t.t !== 'number' || !/^\d+$/.test(t.v)) throw new GaqlError('BAD_LIMIT_VALUE', 'The LIMIT value must be a positive integer.');
      q.limit = Number(t.v);
      if (q.limit < 1) throw new GaqlError('LIMIT_VALUE_TOO_LOW', 'The LIMIT value is too low.');
    }
    if (this.eatWord('PARAMETERS')) {
      do {
        const name = this.next();
        const eq = this.next();
        const value = this.value();
        if (name.t !== 'word' || eq.t !== 'punct' || eq.v !== '=') throw new GaqlError('BAD_PARAMETER_NAME', 'Bad parameter in the PARAMETERS clause.');
        q.parameters[name.v] = value.v;
      } while (this.peek().t === 'punct' && (this.peek() as { v: string }).v === ',' && this.next());
    }
    if (this.peek().t !== 'end') throw this.unexpected();
    return q;
  }
}

export function parseGaql(query: string): GaqlQuery {
  return new Parser(lex(query)).parse();
}
