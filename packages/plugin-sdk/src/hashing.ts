import { sha256 } from '@oslojs/crypto/sha2';
import { decodeHex, encodeHexLowerCase } from '@oslojs/encoding';

/**
 * SHA-256 for plugins' tamper-evident records (ballot logs, ledgers), synchronous and in plain JavaScript: the same
 * result on Node, edge runtimes and in the browser, without Web Crypto's per-call hop to a worker thread, which a
 * chain of thousands of links pays once per link.
 */

const encoder = new TextEncoder();

/** SHA-256 of the UTF-8 text, as lowercase hex. */
export function sha256Hex(text: string): string {
  return encodeHexLowerCase(sha256(encoder.encode(text)));
}

/** SHA-256 of bytes (an uploaded document), as lowercase hex. */
export function sha256HexOfBytes(bytes: Uint8Array): string {
  return encodeHexLowerCase(sha256(bytes));
}

/** The next link of a hash chain: SHA-256(previous link's bytes ‖ the payload's UTF-8), as lowercase hex. */
export function chainHash(previousHex: string, payload: string): string {
  const head = decodeHex(previousHex);
  const tail = encoder.encode(payload);
  const joined = new Uint8Array(head.length + tail.length);
  joined.set(head);
  joined.set(tail, head.length);
  return encodeHexLowerCase(sha256(joined));
}
