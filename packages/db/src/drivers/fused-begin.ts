/**
 * A transaction's BEGIN sent with its first statement, in one message: one round trip fewer for every transaction.
 * Drizzle sends BEGIN on its own and waits for it; node-postgres (and Neon's fork of it) sends the next statement only
 * once an answer has come back, and has no pipelining. But a statement without parameters goes by the simple query
 * protocol, whose one message may hold several statements — so the BEGIN is held back and sent as the first of them.
 * The scope helpers (scope.ts) write their settings with inlined literals for this, so each transaction's first
 * statement is simple. A first statement with parameters goes after the held BEGIN, as before.
 *
 * A held BEGIN always goes out with the statement that follows it: drizzle ends every transaction with COMMIT or
 * ROLLBACK, which are simple statements too.
 *
 * The COMMIT of a transaction that wrote nothing is not waited for either: it has nothing to make durable (nor any
 * deferred check to fail), so its answer cannot change what the caller does next. It is sent, and the client goes
 * back to the pool at once; node-postgres queues the next user's statements behind it on the same connection, so they
 * still run after it. "Wrote nothing" is judged from the statements' text, erring towards waiting: every one a SELECT
 * (or WITH) naming no INSERT, UPDATE, DELETE or MERGE — a data-modifying CTE, or `for update`, counts as a write —
 * and none of our SQL functions that a SELECT may call writes (migrations: they set settings and read), but the one
 * named among the writes below.
 */

interface SimpleResult {
  command: string;
  rowCount: number;
  rows: unknown[];
  fields: unknown[];
}

/** The part of a node-postgres client (or Neon's) that this touches. */
export interface QueryingClient {
  query(...args: unknown[]): unknown;
}

const BEGIN = /^\s*begin\b/i;
const COMMIT = /^\s*commit\s*$/i;
const END = /^\s*(?:commit|rollback)\s*$/i;
const READS = /^\s*(?:select|with)\b/i;
// app_send_notification (migration 0047) is the one SQL function of ours a SELECT calls that writes.
const WRITES = /\b(?:insert|update|delete|merge|app_send_notification)\b/i;
const onlyReads = (text: string) => READS.test(text) && !WRITES.test(text);

function textOf(config: unknown): string | undefined {
  if (typeof config === 'string') return config;
  if (config && typeof config === 'object' && 'text' in config && typeof config.text === 'string') return config.text;
  return undefined;
}

/** No parameters, no name: the simple protocol, where one message may carry several statements. */
function isSimple(config: unknown, values: unknown): boolean {
  if (Array.isArray(values) && values.length > 0) return false;
  if (config && typeof config === 'object') {
    const c = config as { values?: unknown[]; name?: string };
    if ((c.values?.length ?? 0) > 0 || c.name) return false;
  }
  return true;
}

/**
 * Marks a statement whose answer no one waits for: it returns nothing, and if it fails the transaction fails. Inside a
 * transaction it is held back like BEGIN and sent with the next statement (the COMMIT at the latest), so a write that
 * only records something beside the transaction's work (a notification's cause) costs no round trip of its own. Its
 * failure is the next statement's, which fails the transaction as its own failure would have. Before a ROLLBACK it
 * is dropped: it would be undone, and its error must not take the place of the one that rolled back. Where nothing
 * fuses (PGlite), the mark is a comment and the statement runs at once.
 */
export const WITH_NEXT = '/* with the next statement */';

/** Makes `client` hold each BEGIN, and each statement marked WITH_NEXT, back for its next statement. */
export function fuseBegin(client: QueryingClient): void {
  const send = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
  // BEGIN and marked statements not yet sent, in order.
  let held: string[] = [];
  // Within a transaction: whether any statement so far may have written.
  let inTransaction = false;
  let wrote = false;
  const done = (command: string): Promise<SimpleResult> =>
    Promise.resolve({ command, rowCount: 0, rows: [], fields: [] });
  client.query = (...args: unknown[]) => {
    const [config, values] = args;
    const text = textOf(config);
    if (typeof args.at(-1) === 'function' || text === undefined) return send(...args);
    const simple = isSimple(config, values);
    if (BEGIN.test(text) && simple && held.length === 0) {
      held = [text];
      inTransaction = true;
      wrote = false;
      return done('BEGIN');
    }
    if (inTransaction && simple && text.startsWith(WITH_NEXT)) {
      held.push(text);
      wrote = true;
      return done('SELECT');
    }
    if (inTransaction && END.test(text)) {
      inTransaction = false;
      if (!COMMIT.test(text)) held = held.filter((statement) => BEGIN.test(statement));
      if (held.length === 0 && !wrote && COMMIT.test(text)) {
        // Nothing to lose if it fails; a broken connection fails its next user instead.
        send(text).catch(() => {});
        return done('COMMIT');
      }
    } else if (inTransaction && !onlyReads(text)) {
      wrote = true;
    }
    if (held.length === 0) return send(...args);
    const before = held.join(';\n');
    held = [];
    if (!simple) return send(before).then(() => send(...args));
    const all = `${before};\n${text}`;
    const fused = typeof config === 'string' ? all : { ...(config as object), text: all };
    // Several statements answer with one result each; the caller asked for the last.
    return send(fused, ...args.slice(1)).then((results) => (Array.isArray(results) ? results.at(-1) : results));
  };
}
