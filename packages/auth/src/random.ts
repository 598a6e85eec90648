import { generateRandomString, type RandomReader } from '@oslojs/crypto/random';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

const reader: RandomReader = {
  read(bytes) {
    crypto.getRandomValues(bytes as Uint8Array<ArrayBuffer>);
  },
};

/** 120 bits from the CSPRNG, base32 (24 characters): the size Lucia's guide uses for ids and secrets. */
export function randomToken(): string {
  const bytes = new Uint8Array(15);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** Uniformly random characters of an alphabet (rejection sampling inside oslo, no modulo bias). */
export function randomString(alphabet: string, length: number): string {
  return generateRandomString(reader, alphabet, length);
}

export function randomDigits(length: number): string {
  return randomString('0123456789', length);
}
