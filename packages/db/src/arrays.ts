import { sql, type Column, type SQL } from 'drizzle-orm';

/**
 * `column = any($1)`: a list of values as ONE array parameter. drizzle's inArray writes one parameter per value,
 * which for the lists of a batch (dozens of ids) costs more to build and to parse than the query itself.
 */
export function anyOf(column: Column | SQL, values: readonly unknown[]): SQL {
  return sql`${column} = any(${sql.param(values)})`;
}
