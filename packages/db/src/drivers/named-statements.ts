import type { DatabaseConfig } from '../client.ts';
import type { QueryingClient } from './fused-begin.ts';

/**
 * How many distinct statements one connection keeps prepared. Drizzle writes the same text for the same query shape,
 * so the app's hot statements are among the first few dozen a connection sees; a statement with a list of varying
 * length (`in ($1, $2, …)`) is a new text each time, and must not fill the server's memory with plans.
 */
export const NAMED_PER_CONNECTION = 200;

/**
 * Makes `client` prepare each statement with parameters once: the first time a text is sent it gets a name of this
 * connection's own (node-postgres, and Neon's fork of it, then parse it once and only bind and execute it after), and
 * Postgres may settle on a generic plan after five runs instead of planning every time. Statements without parameters
 * are left alone: they go by the simple protocol, where BEGIN travels with them (fused-begin.ts). Past the limit, new
 * texts go unnamed as before. Not for connections through a pooler in transaction mode: a name prepared on one server
 * connection is unknown on the next (PgBouncer keeps them only from 1.21, with max_prepared_statements set).
 */
export function nameStatements(client: QueryingClient, limit = NAMED_PER_CONNECTION): void {
  const send = client.query.bind(client) as (...args: unknown[]) => unknown;
  const names = new Map<string, string>();
  client.query = (...args: unknown[]) => {
    const [config, values] = args;
    if (!config || typeof config !== 'object' || typeof args.at(-1) === 'function') return send(...args);
    const c = config as { text?: unknown; values?: unknown[]; name?: string };
    const withValues = (Array.isArray(values) && values.length > 0) || (c.values?.length ?? 0) > 0;
    if (c.name || typeof c.text !== 'string' || !withValues) return send(...args);
    let name = names.get(c.text);
    if (name === undefined && names.size < limit) names.set(c.text, (name = `s${names.size + 1}`));
    return name === undefined ? send(...args) : send({ ...c, name }, ...args.slice(1));
  };
}

/** Whether the connections of this configuration prepare their statements (DatabaseConfig.namedStatements). */
export const namesStatements = (config: DatabaseConfig) => config.namedStatements ?? !config.appLogin;
