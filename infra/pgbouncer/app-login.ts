import { readFile } from 'node:fs/promises';
import { createDatabase } from '@city/db/connect';
import { sql } from 'drizzle-orm';

/** The login of pooled connections: every session of it starts as the app role (app-login.sql). */
export const APP_LOGIN = 'city_app_login';

/** Creates or updates the pooled login on the database at `ownerUrl`, as its migration owner, after migrating. */
export async function ensureAppLogin(ownerUrl: string): Promise<void> {
  const statements = await readFile(new URL('./app-login.sql', import.meta.url), 'utf8');
  const owner = await createDatabase({ url: ownerUrl, driver: 'pg', asOwner: true, poolSize: 1 });
  try {
    await owner.db.execute(sql.raw(statements));
  } finally {
    await owner.close();
  }
}
