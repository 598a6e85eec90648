import { describe, expect, it } from 'vitest';
import { edgeConfig, type EdgeEnv } from './edge-config.ts';

const assets = { fetch: async () => new Response(null, { status: 404 }) };
const base: EdgeEnv = {
  ASSETS: assets,
  PUBLIC_URL: 'https://city.example.cn',
  PII_KEY: btoa(String.fromCharCode(...new Uint8Array(32).fill(7))),
  SMS_SENDER: 'dev',
};
const pooled = 'postgres://city_app_login:secret@pooler.example:6432/city';

describe('edgeConfig', () => {
  it("reads DATABASE_URL as Neon's WebSocket endpoint", () => {
    const config = edgeConfig({ ...base, DATABASE_URL: pooled });
    expect(config).toMatchObject({ ok: true, value: { databaseUrl: pooled, databaseTransport: 'websocket' } });
  });

  it("reads a Hyperdrive binding's connection string, reached over TCP", () => {
    const hyperdrive = 'postgresql://city_app_login:x@0a1b.hyperdrive.local:5432/city';
    const config = edgeConfig({ ...base, HYPERDRIVE: { connectionString: hyperdrive } });
    expect(config).toMatchObject({ ok: true, value: { databaseUrl: hyperdrive, databaseTransport: 'tcp' } });
  });

  it('refuses two databases, and names the choices when there is none', () => {
    const both = edgeConfig({ ...base, DATABASE_URL: pooled, HYPERDRIVE: { connectionString: pooled } });
    expect(both).toEqual({ ok: false, problems: ['both HYPERDRIVE and DATABASE_URL are set: bind one database'] });
    expect(edgeConfig(base)).toEqual({ ok: false, problems: ['DATABASE_URL is not set (or bind HYPERDRIVE)'] });
  });

  it('lists every problem at once', () => {
    const config = edgeConfig({ DATABASE_URL: 'mysql://nope', PUBLIC_URL: 'city.example.cn' });
    expect(config.ok).toBe(false);
    expect(!config.ok && config.problems).toEqual([
      'DATABASE_URL is not a postgres:// URL',
      'PUBLIC_URL is not an http(s) URL',
      'PII_KEY is not set (a secret: base64, at least 32 bytes)',
      'ASSETS is not bound (the assets folder built beside worker.js: PDF fonts)',
      'SMS_SENDER is not set (tencent or aliyun; dev only where no one real signs up)',
    ]);
  });
});
