import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nativeArgon2 } from '@city/auth/native-argon2';
import { Miniflare } from 'miniflare';
import { build } from 'rolldown';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompiledWasm } from './precompiled-wasm.ts';

const fixture = fileURLToPath(new URL('./fixtures/argon2-worker.ts', import.meta.url));

// Inlined and minified, as apps/api/edge/build.ts bundles the API, and split (the binaries then imported from a chunk
// that is not the entry): either way only what Argon2 uses, as @city/auth imports hash-wasm's functions by name.
describe.each([
  { codeSplitting: false, minify: true, binaries: ['argon2.wasm', 'blake2b.wasm'] },
  { codeSplitting: true, minify: false, binaries: ['argon2.wasm', 'blake2b.wasm'] },
])('hash-wasm in workerd, codeSplitting: $codeSplitting', ({ codeSplitting, minify, binaries }) => {
  let dir: string;
  let mf: Miniflare;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'precompiled-wasm-'));
    await build({
      input: fixture,
      platform: 'browser',
      plugins: [precompiledWasm()],
      output: { dir, format: 'esm', codeSplitting, minify },
      logLevel: 'warn',
    });
    mf = new Miniflare({
      modules: true,
      scriptPath: join(dir, 'argon2-worker.js'),
      modulesRoot: dir,
      // Miniflare takes a non-entry .js for CommonJS unless told otherwise.
      modulesRules: [
        { type: 'ESModule', include: ['**/*.js'] },
        { type: 'CompiledWasm', include: ['**/*.wasm'] },
      ],
      compatibilityDate: '2026-07-30',
      compatibilityFlags: ['nodejs_compat'],
    });
  });

  afterAll(async () => {
    await mf?.dispose();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function post<T>(path: '/hash' | '/verify', body: object): Promise<T> {
    const response = await mf.dispatchFetch(`http://worker${path}`, { method: 'POST', body: JSON.stringify(body) });
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as T;
  }
  const hash = async (password: string) => (await post<{ hash: string }>('/hash', { password })).hash;
  const verify = async (stored: string, password: string) =>
    (await post<{ ok: boolean }>('/verify', { hash: stored, password })).ok;

  it('ships the binaries as .wasm files and no base64 copy of them', async () => {
    expect((await readdir(join(dir, 'wasm'))).sort()).toEqual(binaries);
    for (const file of await readdir(dir)) {
      if (file.endsWith('.js')) expect(await readFile(join(dir, file), 'utf8')).not.toMatch(/AGFzbQ/);
    }
  });

  it('hashes and verifies a password', async () => {
    const stored = await hash('correct horse');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verify(stored, 'correct horse')).toBe(true);
    expect(await verify(stored, 'wrong horse')).toBe(false);
  });

  it('shares hashes with the native binding both ways', async () => {
    const native = await nativeArgon2();
    expect(await verify(await native.hash('from node'), 'from node')).toBe(true);
    expect(await native.verify(await hash('from workerd'), 'from workerd')).toBe(true);
  });
});
