import { afterEach, describe, expect, it, vi } from 'vitest';
import { nativeArgon2 } from './password-native.ts';
import { wasmArgon2, type PasswordHasher } from './password.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each([
  ['wasmArgon2', wasmArgon2],
  ['nativeArgon2', nativeArgon2],
])('%s.verify', (_, make: () => Promise<PasswordHasher>) => {
  it('is true for the password and false for another', async () => {
    const passwords = await make();
    const hash = await passwords.hash('correct horse');
    expect(await passwords.verify(hash, 'correct horse')).toBe(true);
    expect(await passwords.verify(hash, 'wrong horse')).toBe(false);
  });

  it('rejects a stored hash it cannot read rather than call it a wrong password', async () => {
    const passwords = await make();
    await expect(passwords.verify('not an argon2 hash', 'correct horse')).rejects.toThrow();
  });
});

it('lets a WebAssembly failure reject wasmArgon2.verify', async () => {
  const passwords = await wasmArgon2();
  const hash = await passwords.hash('correct horse');
  // What workerd answers when it is asked to compile at run time (apps/api/edge/precompiled-wasm.ts avoids it);
  // instantiate, not compile: hash-wasm caches a compiled module, and a rejected one, for the rest of the process.
  const refusal = new WebAssembly.CompileError('WebAssembly.compile(): Wasm code generation disallowed by embedder');
  vi.spyOn(WebAssembly, 'instantiate').mockRejectedValueOnce(refusal);
  await expect(passwords.verify(hash, 'correct horse')).rejects.toThrow(refusal);
  expect(await passwords.verify(hash, 'correct horse')).toBe(true);
});
