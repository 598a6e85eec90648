/**
 * What text may hold. Plain functions (no zod) so that the API's input guard, the schemas and browser code share them.
 */

/**
 * Characters no string of any request may carry: C0 controls other than tab, line feed and carriage return (NUL
 * above all: Postgres cannot store it in text), unpaired surrogates (`"\ud800"` is valid JSON but not Unicode, and
 * cannot be encoded as UTF-8), and Unicode's noncharacters (U+FDD0–U+FDEF and the last two code points of every
 * plane, U+FFFE and U+FFFF among them). In `u` mode, `\p{Cs}` matches only surrogates that are not part of a pair.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const HOSTILE = /[\0-\x08\x0B\x0C\x0E-\x1F\p{Cs}\p{Noncharacter_Code_Point}]/u;
const HOSTILE_ALL = new RegExp(HOSTILE.source, 'gu');

export function hasHostileCharacter(text: string): boolean {
  return HOSTILE.test(text);
}

/** The text with each hostile character written as its `\uXXXX` escape: a key safe to name in an error. */
export function escapeHostileCharacters(text: string): string {
  return text.replace(HOSTILE_ALL, (ch) => `\\u${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
}

/**
 * Bidirectional controls (embeddings, overrides, isolates and the invisible direction marks): in a name or a title
 * they reorder what is shown, so `"\u202e国建陈"` is displayed as 陈建国.
 */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

export function hasBidiControl(text: string): boolean {
  return BIDI_CONTROL.test(text);
}

/**
 * Text that shows nothing: only Unicode white space and default-ignorable characters (zero-width space and joiners,
 * U+2060 word joiner, U+FEFF, the Hangul fillers, variation selectors…). Empty text is blank too.
 */
const BLANK = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}]*$/u;

export function isBlankText(text: string): boolean {
  return BLANK.test(text);
}
