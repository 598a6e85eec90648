/**
 * The hashing both carriers' signatures are built from, on WebCrypto so the senders run in Node and in Workers alike.
 */

const utf8 = new TextEncoder();

type Bytes = string | ArrayBuffer;
const bytes = (data: Bytes) => (typeof data === 'string' ? utf8.encode(data) : data);

export const hex = (data: ArrayBuffer) =>
  Array.from(new Uint8Array(data), (byte) => byte.toString(16).padStart(2, '0')).join('');

export const sha256Hex = async (data: string) => hex(await crypto.subtle.digest('SHA-256', utf8.encode(data)));

export async function hmac(key: Bytes, data: string): Promise<ArrayBuffer> {
  const secret = await crypto.subtle.importKey('raw', bytes(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return crypto.subtle.sign('HMAC', secret, utf8.encode(data));
}
