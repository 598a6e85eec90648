import { describe, expect, it } from 'vitest';
import { inlineStyles } from './dynamic-assets.ts';

describe('inlineStyles', () => {
  const page = '<html><head><style nonce="abc123">.a{}</style></head><body></body></html>';

  it("puts a plugin page's styles at the end of the head with the nonce of SvelteKit's own styles", () => {
    expect(inlineStyles(page, '.b{color:red}')).toBe(
      '<html><head><style nonce="abc123">.a{}</style><style nonce="abc123">.b{color:red}</style></head><body></body></html>',
    );
  });

  it('leaves the page alone with no styles, or with no nonce the policy would allow', () => {
    expect(inlineStyles(page, undefined)).toBe(page);
    expect(inlineStyles(page, '')).toBe(page);
    const noNonce = '<html><head></head><body></body></html>';
    expect(inlineStyles(noNonce, '.b{}')).toBe(noNonce);
  });
});
