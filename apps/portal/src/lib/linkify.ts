/** A piece of a text: plain, or an address to show as a link. */
export type TextPart = { text: string; href?: string };

// An http(s) address: the characters of a URL (RFC 3986), so it ends at a space, a quote or Chinese text; trailing
// punctuation stays text.
const ADDRESS = /https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&()*+,;=%]+/g;
const TRAILING = /[.,;:!?。，；：！？、)]+$/;

/** Splits a notice's text so that the addresses in it become links (the text itself stays text: Svelte escapes it). */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of text.matchAll(ADDRESS)) {
    const address = match[0].replace(TRAILING, '');
    const start = match.index;
    if (start > at) parts.push({ text: text.slice(at, start) });
    parts.push({ text: address, href: address });
    at = start + address.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}
