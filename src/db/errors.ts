/** Walks an error's causes (Drizzle wraps driver errors) for a PostgreSQL SQLSTATE. */
export function hasSqlState(err: unknown, state: string): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: string }).code === state) return true;
  }
  return false;
}

export const isUniqueViolation = (err: unknown): boolean => hasSqlState(err, '23505');
