export { createApp, type AppType } from './app.ts';
export { createApiServices, type AppDeps, type ApiServices } from './services.ts';
export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo/accounts.ts';
export { seedDemo } from './demo/seed.ts';
export { pluginMigrations } from './plugin-runtime/catalogue.ts';
