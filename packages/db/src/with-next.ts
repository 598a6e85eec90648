import { sql } from 'drizzle-orm';
import type { Tx } from './scope.ts';
import { WITH_NEXT } from './drivers/fused-begin.ts';

type Value = string | number | boolean | null | Date;

/**
 * A value written into a statement's text, for statements sent by the simple protocol (which has no parameters):
 * quotes doubled, and a string with backslashes written as E'…' with them doubled — right whatever
 * standard_conforming_strings says (node-postgres's escapeLiteral does the same; it is not loaded on the edge).
 */
export function literal(value: Value): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  const text = value instanceof Date ? value.toISOString() : value;
  const quoted = `'${text.replaceAll("'", "''")}'`;
  return text.includes('\\') ? `E${quoted.replaceAll('\\', '\\\\')}` : quoted;
}

/**
 * Runs a statement whose answer no one waits for (it returns nothing; if it fails, the transaction fails) with the
 * transaction's next statement, where the pool fuses statements (fused-begin.ts), or at once where it does not. Its
 * values must be written in with `literal`.
 */
export async function executeWithNext(tx: Tx, statement: string): Promise<void> {
  await tx.execute(sql.raw(`${WITH_NEXT} ${statement}`));
}
