import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'rolldown';
import { describe, expect, it } from 'vitest';
import { patchHashWasm, precompiledWasm } from './precompiled-wasm.ts';

const hashWasm = readFileSync(
  join(dirname(createRequire(import.meta.url).resolve('hash-wasm/package.json')), 'dist/index.esm.js'),
  'utf8',
);

describe('patchHashWasm', () => {
  it('imports every binary and hands the imported module to WASMInterface', () => {
    const binaries = new Map<string, Uint8Array>();
    const patched = patchHashWasm(hashWasm, binaries);
    if (typeof patched !== 'string') throw new Error(patched.problem);
    expect(patched).not.toMatch(/AGFzbQ|WebAssembly\.compile/);
    expect(patched).toContain('import data$k from "hash-wasm-precompiled:argon2";');
    expect(patched).toMatch(/const promise = Promise\.resolve\(binary\.data\);/);
    expect(patched.split('\n')).toHaveLength(hashWasm.split('\n').length);
    for (const name of ['argon2', 'blake2b']) {
      expect([...(binaries.get(name) ?? []).slice(0, 4)]).toEqual([0, 0x61, 0x73, 0x6d]); // "\0asm"
    }
  });

  it.each([
    ['the compile moved', hashWasm.replace('decodeBase64(binary.data)', 'decodeBase64(binary.bytes)'), /0 times/],
    ['a second compile', hashWasm.replace('WebAssembly.instantiate(module', 'WebAssembly.compile(module'), /left/],
    ['a binary laid out anew', hashWasm.replace('var data$k = "', 'const data$k = "'), /22 embedded .* 21/],
    ['no binaries at all', 'export const nothing = 1;', /found 0 embedded/],
  ])('refuses hash-wasm with %s', (_, code, problem) => {
    const outcome = patchHashWasm(code, new Map());
    expect(typeof outcome === 'string' ? outcome : outcome.problem).toMatch(problem);
  });

  it('fails the build rather than bundle an unpatched hash-wasm', async () => {
    const upgrade: Plugin = {
      name: 'hash-wasm-upgrade',
      transform: {
        filter: { id: /hash-wasm/ },
        handler: (code) => code.replace('decodeBase64(binary.data)', 'decodeBase64(binary.bytes)'),
      },
    };
    const input = fileURLToPath(new URL('./fixtures/argon2-worker.ts', import.meta.url));
    await expect(
      build({ input, platform: 'browser', plugins: [upgrade, precompiledWasm()], write: false, logLevel: 'silent' }),
    ).rejects.toThrow(/precompiled-wasm: .*hash-wasm.* no longer looks as expected/);
  });
});
