import { describe, expect, it } from 'vitest';
import { chainHash, sha256Hex } from './hashing.ts';

const webCrypto = async (bytes: Uint8Array<ArrayBuffer>) =>
  Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex');

describe('hashing', () => {
  it('is SHA-256 (FIPS 180-2 test vectors) over UTF-8 text', async () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('业主大会')).toBe(await webCrypto(new TextEncoder().encode('业主大会')));
  });

  it('links a chain over the previous hash’s bytes, as chains written with Web Crypto did', async () => {
    const previous = sha256Hex('roll');
    const payload = JSON.stringify(['会议', 'ABCD-EFGH-JKMN', 'online']);
    const joined = new Uint8Array([...Buffer.from(previous, 'hex'), ...new TextEncoder().encode(payload)]);
    expect(chainHash(previous, payload)).toBe(await webCrypto(joined));
    expect(chainHash(previous, payload)).not.toBe(chainHash(sha256Hex('other roll'), payload));
  });
});
