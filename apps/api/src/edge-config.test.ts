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

  it('reads TRUSTED_PROXIES as exact addresses of either family, each written the one way', () => {
    const config = edgeConfig({ ...base, DATABASE_URL: pooled, TRUSTED_PROXIES: ' 192.0.2.10,2001:DB8:0:0::7 , ' });
    expect(config).toMatchObject({ ok: true, value: { trustedProxies: ['192.0.2.10', '2001:db8::7'] } });
    expect(edgeConfig({ ...base, DATABASE_URL: pooled })).toMatchObject({ ok: true, value: { trustedProxies: [] } });
  });

  it('lists every problem at once', () => {
    const config = edgeConfig({
      DATABASE_URL: 'mysql://nope',
      PUBLIC_URL: 'city.example.cn',
      TRUSTED_PROXIES: '192.0.2.10, portal.example, 10.0.0.0/8, 192.0.2.256, 01.2.3.4, ::1, [::1], fe80::1%eth0',
    });
    expect(config.ok).toBe(false);
    expect(!config.ok && config.problems).toEqual([
      'DATABASE_URL is not a postgres:// URL',
      'PUBLIC_URL is not an http(s) URL',
      'PII_KEY is not set (a secret: base64, at least 32 bytes)',
      'ASSETS is not bound (the assets folder built beside worker.js: PDF fonts)',
      'SMS_SENDER is not set (tencent or aliyun; dev only where no one real signs up)',
      'TRUSTED_PROXIES has "portal.example", which is not an IP address',
      'TRUSTED_PROXIES has "10.0.0.0/8", which is not an IP address',
      'TRUSTED_PROXIES has "192.0.2.256", which is not an IP address',
      'TRUSTED_PROXIES has "01.2.3.4", which is not an IP address',
      'TRUSTED_PROXIES has "[::1]", which is not an IP address',
      'TRUSTED_PROXIES has "fe80::1%eth0", which is not an IP address',
    ]);
  });
});
