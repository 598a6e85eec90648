import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNTS } from './accounts.ts';

describe('the default chart', () => {
  it('is the same in the code that opens a neighbourhood and in the migration that gave older ones theirs', () => {
    const migration = readFileSync(new URL('../../../db/migrations/0038_ledger.sql', import.meta.url), 'utf8');
    const rows = [...migration.matchAll(/\('(\d{4})', '([^']+)', '(\w+)', '(\w+)'\)/g)].map(
      ([, code, name, type, purpose]) => ({
        code,
        name,
        type,
        purpose,
      }),
    );
    expect(rows).toEqual(DEFAULT_ACCOUNTS);
  });
});
