import { GraphError, graphErrors } from './errors.js';

/** One entry of Graph's `fields=` list; `sub` holds a nested selection such as `business{id,name}`. */
export interface FieldSpec {
  name: string;
  sub: FieldSpec[] | null;
}

const syntaxError = (expected: string, at: number, src: string) =>
  new GraphError(2500, `Syntax error "Expected ${expected}." at character ${at}: ${src}`);

/** Parses `id,name,business{id,name}`; Graph answers a malformed list with code 2500. */
export function parseFields(src: string | undefined): FieldSpec[] | null {
  if (src === undefined || src.trim() === '') return null;
  let i = 0;
  const skip = () => {
    while (src[i] === ' ') i++;
  };
  const parseList = (nested: boolean): FieldSpec[] => {
    const out: FieldSpec[] = [];
    for (;;) {
      skip();
      const m = /^[A-Za-z0-9_]+/.exec(src.slice(i));
      if (!m) throw syntaxError('name', i, src);
      i += m[0].length;
      skip();
      let sub: FieldSpec[] | null = null;
      if (src[i] === '{') {
        i++;
        sub = parseList(true);
        if (src[i] !== '}') throw syntaxError('"}"', i, src);
        i++;
        skip();
      }
      out.push({ name: m[0], sub });
      if (src[i] === ',') {
        i++;
        continue;
      }
      if (nested ? src[i] === '}' : i >= src.length) return out;
      throw syntaxError(nested ? '"," or "}"' : 'end of string', i, src);
    }
  };
  return parseList(false);
}

export type Renderer<T> = (ctx: T, sub: FieldSpec[] | null) => unknown;

/**
 * Renders the selected fields of one node. A renderer returning undefined leaves the field out,
 * as Graph does for unset values; `quiet` names real Graph fields the sandbox does not model
 * (left out rather than refused); anything else is Graph's "nonexisting field" error.
 */
export function project<T>(
  ctx: T,
  fields: FieldSpec[],
  renderers: Record<string, Renderer<T>>,
  nodeType: string,
  quiet: ReadonlySet<string> = new Set(),
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const r = renderers[f.name];
    if (!r) {
      if (quiet.has(f.name)) continue;
      throw graphErrors.nonexistingField(f.name, nodeType);
    }
    const v = r(ctx, f.sub);
    if (v !== undefined) out[f.name] = v;
  }
  return out;
}

/** Checks a selection up front so an unknown field fails the request before any page is built. */
export function checkFields(fields: FieldSpec[], known: ReadonlySet<string>, nodeType: string, quiet: ReadonlySet<string> = new Set()): void {
  for (const f of fields) if (!known.has(f.name) && !quiet.has(f.name)) throw graphErrors.nonexistingField(f.name, nodeType);
}

/** A nested object field (`business{id,name}`) limited to the requested sub-fields. */
export function pick(obj: Record<string, unknown>, sub: FieldSpec[] | null, defaults: string[]): Record<string, unknown> {
  const names = sub ? sub.map((s) => s.name) : defaults;
  const out: Record<string, unknown> = {};
  for (const n of names) if (obj[n] !== undefined) out[n] = obj[n];
  return out;
}
