import { describe, expect, it } from 'vitest';
import { escapeHostileCharacters, hasBidiControl, hasHostileCharacter, isBlankText } from './text.ts';

describe('text no request may carry', () => {
  it('is NUL, C0 controls but tab and line breaks, unpaired surrogates and noncharacters', () => {
    const hostile = ['\u0000', 'a\u0001', '\u001b[0m', '\u001f', '\ud800', 'x\udfffy', '\udc00\ud800'];
    const nonCharacters = ['\ufffe', '\uffff', '\ufdd0', '\ufdef', '\u{1fffe}', '\u{10ffff}'];
    for (const text of [...hostile, ...nonCharacters]) expect(hasHostileCharacter(text), escape(text)).toBe(true);
    // JSON's "\ud800" parses to a lone surrogate.
    expect(hasHostileCharacter(JSON.parse('"\\ud800"') as string)).toBe(true);
  });

  it('is not ordinary text, emoji (paired surrogates), tabs, line breaks or DEL', () => {
    for (const text of ['陈建国', 'Line 1\r\n\tLine 2', '😀👩‍👩‍👧', '𠀋', '\u007f', '\ufdcf\ufdf0\ufffd', ''])
      expect(hasHostileCharacter(text), escape(text)).toBe(false);
  });

  it('is named in errors by escapes', () => {
    expect(escapeHostileCharacters('a\u0000b\ud800')).toBe('a\\u0000b\\uD800');
    expect(escapeHostileCharacters('title')).toBe('title');
  });
});

describe('names and titles', () => {
  it('tell bidi controls, which reorder what is shown', () => {
    for (const mark of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'])
      expect(hasBidiControl(`管理员${mark}`)).toBe(true);
    for (const mark of ['\u200e', '\u200f', '\u061c']) expect(hasBidiControl(mark)).toBe(true);
    expect(hasBidiControl('مرحبا 你好 hello')).toBe(false);
  });

  it('tell text that shows nothing: white space and zero-width characters alone', () => {
    const blank = [
      '',
      ' ',
      '\u3000',
      '\u00a0\t\n',
      '\u200b',
      '\u200c\u200d',
      '\u2060',
      '\ufeff',
      '\u3164',
      '\u200b \u3000',
    ];
    for (const text of blank) expect(isBlankText(text), escape(text)).toBe(true);
    for (const text of ['a', ' 陈 ', '\u200b陈', '.']) expect(isBlankText(text), escape(text)).toBe(false);
  });
});

const escape = (text: string) => JSON.stringify(text);
