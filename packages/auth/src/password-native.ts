import { ARGON2_PARAMS, type PasswordHasher } from './password.ts';

/** Argon2id through the native binding: Node only. */
export async function nativeArgon2(): Promise<PasswordHasher> {
  const argon2 = await import('@node-rs/argon2');
  const options = { ...ARGON2_PARAMS, algorithm: 2 as const /* Argon2id */ };
  return {
    hash: (password) => argon2.hash(password, options),
    // As wasmArgon2's: false only for a mismatch; a hash it cannot decode rejects.
    verify: (hash, password) => argon2.verify(hash, password),
  };
}
