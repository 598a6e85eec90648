import { sha256 } from '@oslojs/crypto/sha2';

export function sha256Text(text: string): Uint8Array {
  return sha256(new TextEncoder().encode(text));
}
