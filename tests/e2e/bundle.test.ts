import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { CHUNK_MODULES } from '../../apps/portal/chunk-modules.ts';
import * as contactsTables from '../../plugins/contacts/src/schema.ts';
import * as servicesTables from '../../plugins/services/src/schema.ts';
import * as votingTables from '../../plugins/voting/src/schema.ts';
import { PORTAL_OUTPUT } from '../support/portal-bundle.ts';

/** Source modules that must never reach a browser: the database layer, the OpenAPI machinery, server code. */
const SERVER_ONLY: Array<[string, RegExp]> = [
  ['drizzle', /node_modules\/drizzle-orm\//],
  ['zod', /node_modules\/zod\//],
  ['zod-to-openapi', /node_modules\/@asteasolutions\/zod-to-openapi\//],
  ['@hono/zod-openapi', /node_modules\/@hono\/zod-openapi\//],
  // The Civil Code's vote arithmetic (packages/core/src/voting) is pure and imports only values: pages show its words.
  ['a server package', /^packages\/(db|auth|documents)\/|^packages\/core\/src\/(?!voting\/)|^apps\/api\//],
  ["the contracts' schemas", /^packages\/contracts\/src\/(?!values\/)/],
  ['plugin server code', /^plugins\/[^/]+\/src\/(schema\.ts|contracts\.ts|server\/)/],
  ["the plugin SDK's server side", /^packages\/plugin-sdk\/src\/(server|schema|documents|errors|manifest|index)\.ts$/],
];

const chunks = () => JSON.parse(readFileSync(CHUNK_MODULES, 'utf8')) as Array<{ file: string; modules: string[] }>;

describe('the browser bundle (the portal built by this project’s global setup)', () => {
  it('holds no server code: no drizzle, zod or zod-to-openapi, no server package, no plugin server module', () => {
    const built = chunks();
    expect(built.length).toBeGreaterThan(20);
    const found = built.flatMap(({ file, modules }) =>
      modules.flatMap((module) =>
        SERVER_ONLY.filter(([, pattern]) => pattern.test(module)).map(([what]) => `${file}: ${what} (${module})`),
      ),
    );
    expect(found).toEqual([]);
  });

  it("names none of the plugins' tables", () => {
    const tables = [contactsTables, servicesTables, votingTables].flatMap((module) =>
      Object.values(module).flatMap((value) => (is(value, PgTable) ? [getTableName(value)] : [])),
    );
    expect(tables).toEqual(expect.arrayContaining(['voting_ballots', 'services_orders', 'contacts_entries']));
    const found = chunks().flatMap(({ file }) => {
      const code = readFileSync(join(PORTAL_OUTPUT, 'client', file), 'utf8');
      return tables.filter((table) => code.includes(table)).map((table) => `${file}: ${table}`);
    });
    expect(found).toEqual([]);
  });
});
