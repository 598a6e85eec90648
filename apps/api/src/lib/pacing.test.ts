import { describe, expect, it } from 'vitest';
import { Pacer } from './pacing.ts';

describe('pacing per address', () => {
  const pace = { perSecond: 10, burst: 3, maxWaiting: 2 };

  it('starts a burst at once, then one request per interval, each waiting its turn', () => {
    const pacer = new Pacer(pace);
    expect([0, 0, 0].map(() => pacer.schedule('a', 1000))).toEqual([{ wait: 0 }, { wait: 0 }, { wait: 0 }]);
    expect(pacer.schedule('a', 1000)).toEqual({ wait: 100 });
    expect(pacer.schedule('a', 1000)).toEqual({ wait: 200 });
  });

  it('refuses one more than may wait, and serves again once the address has caught up', () => {
    const pacer = new Pacer(pace);
    for (let i = 0; i < 5; i++) pacer.schedule('a', 1000);
    expect(pacer.schedule('a', 1000)).toEqual({ refusedFor: 100 });
    expect(pacer.schedule('a', 1250)).toEqual({ wait: 50 });
    expect(pacer.schedule('a', 5000)).toEqual({ wait: 0 });
  });

  it('paces each address on its own', () => {
    const pacer = new Pacer(pace);
    for (let i = 0; i < 5; i++) pacer.schedule('a', 1000);
    expect(pacer.schedule('b', 1000)).toEqual({ wait: 0 });
  });
});
