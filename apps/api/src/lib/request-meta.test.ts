import { describe, expect, it } from 'vitest';
import { addressFromChain, forwardedChain } from './request-meta.ts';

/** The chain as it reaches us: X-Forwarded-For's entries, then the peer that connected. */
const chain = (xff: string | undefined, peer: string) => [...forwardedChain(xff), peer];

describe('the caller address behind N trusted proxies', () => {
  it('is the peer itself with no trusted proxy, whatever X-Forwarded-For says', () => {
    expect(addressFromChain(chain(undefined, '198.51.100.7'), 0)).toBe('198.51.100.7');
    expect(addressFromChain(chain('203.0.113.1', '198.51.100.7'), 0)).toBe('198.51.100.7');
  });

  it('is the entry our proxy appended, one hop back', () => {
    expect(addressFromChain(chain('203.0.113.1', '10.0.0.2'), 1)).toBe('203.0.113.1');
    expect(addressFromChain(chain('203.0.113.1, 192.0.2.50', '10.0.0.2'), 2)).toBe('203.0.113.1');
  });

  it('cannot be chosen by a client writing its own X-Forwarded-For: what it prepends is never reached', () => {
    // The client sent "1.1.1.1, 2.2.2.2"; our one proxy appended the address it saw.
    expect(addressFromChain(chain('1.1.1.1, 2.2.2.2, 203.0.113.1', '10.0.0.2'), 1)).toBe('203.0.113.1');
    expect(addressFromChain(chain('1.1.1.1,2.2.2.2 ,  203.0.113.1', '10.0.0.2'), 1)).toBe('203.0.113.1');
    // Two proxies of ours: still the address the outer one saw.
    expect(addressFromChain(chain('1.1.1.1, 203.0.113.1, 192.0.2.50', '10.0.0.2'), 2)).toBe('203.0.113.1');
  });

  it('is the furthest entry when the chain is shorter than the proxies (a request that went around them)', () => {
    expect(addressFromChain(chain(undefined, '203.0.113.1'), 2)).toBe('203.0.113.1');
    expect(addressFromChain(chain(' , ', '203.0.113.1'), 1)).toBe('203.0.113.1');
  });
});
