/** The database's own error (SQLSTATE code, constraint, message) inside whatever drizzle and the driver wrapped it in. */
export function databaseError(error: unknown): { code: string; constraint?: string; message: string } | undefined {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint, message } = e as { code?: unknown; constraint?: string; message?: string };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return { code, constraint, message: message ?? '' };
  }
  return undefined;
}

/** True when a statement failed on a unique constraint (optionally a named one); drizzle wraps driver errors. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const found = databaseError(error);
  return found?.code === '23505' && (!constraint || found.constraint === constraint);
}

/** True when a statement failed on a foreign key: a row still referenced, or a reference to nothing. */
export function isForeignKeyViolation(error: unknown): boolean {
  return databaseError(error)?.code === '23503';
}
