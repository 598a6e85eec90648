import { sha256 } from '@oslojs/crypto/sha2';

/**
 * The key of the ID-number hash. PII_KEY holds at least 32 random bytes, base64; it must stay the same for the life
 * of the data (a new key stops recognising known owners). Development and tests use a fixed, public key; with
 * NODE_ENV=production a real key is required.
 */
export function piiKeyFromEnv(env: Record<string, string | undefined>): Uint8Array {
  if (env.PII_KEY) {
    const key = Uint8Array.from(atob(env.PII_KEY), (c) => c.charCodeAt(0));
    if (key.length < 32) throw new Error('PII_KEY must be at least 32 bytes (base64)');
    return key;
  }
  if (env.NODE_ENV === 'production') throw new Error('NODE_ENV=production needs PII_KEY (base64, at least 32 bytes)');
  return sha256(new TextEncoder().encode('city-life development PII key — public, never for real data'));
}
