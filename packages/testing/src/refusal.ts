import { databaseError } from '@city/db/errors';

/**
 * What the database said when it refused some work: its SQLSTATE code and message, found inside drizzle's and the
 * driver's wrappers (the same on PGlite, node-postgres and Neon). Fails when the work succeeded or failed in code,
 * so a test names the refusal it expects instead of accepting any error.
 */
export async function databaseRefusal(work: Promise<unknown>): Promise<{ code: string; message: string }> {
  let thrown: unknown;
  try {
    await work;
  } catch (error) {
    thrown = error;
  }
  if (thrown === undefined) throw new Error('the database accepted the work');
  const found = databaseError(thrown);
  if (!found) throw new Error(`the work failed outside the database: ${String(thrown)}`, { cause: thrown });
  return { code: found.code, message: found.message };
}
