import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './migrations',
  // Roles are created by our own migration 0000 (drizzle-kit cannot create them idempotently).
  entities: { roles: false },
});
