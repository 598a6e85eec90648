// Imported by name, statically: a bundle then keeps only the WebAssembly of Argon2 and BLAKE2b (apps/api/edge).
import { argon2id, argon2Verify } from 'hash-wasm';

/**
 * Argon2id with OWASP's recommended minimum (Password Storage Cheat Sheet): m = 19 MiB, t = 2, p = 1.
 * Node uses the native @node-rs/argon2 binding (`@city/auth/native-argon2`, kept out of the package's root so that an
 * edge bundle never meets it); runtimes without native code (Workers) use hash-wasm.
 * Both read and write the same PHC string, so hashes move freely between runtimes.
 */
export const ARGON2_PARAMS = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

export async function wasmArgon2(): Promise<PasswordHasher> {
  return {
    hash(password) {
      const salt = new Uint8Array(16);
      crypto.getRandomValues(salt);
      return argon2id({
        password,
        salt,
        iterations: ARGON2_PARAMS.timeCost,
        memorySize: ARGON2_PARAMS.memoryCost,
        parallelism: ARGON2_PARAMS.parallelism,
        hashLength: ARGON2_PARAMS.outputLen,
        outputType: 'encoded',
      });
    },
    // No catch: a hash that does not match resolves to false, while a malformed hash or a WebAssembly failure rejects,
    // so it surfaces as a server error instead of passing for a wrong password.
    verify: (hash, password) => argon2Verify({ hash, password }),
  };
}
