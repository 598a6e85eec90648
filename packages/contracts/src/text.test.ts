import { describe, expect, it } from 'vitest';
import { BuildingCreateSchema, NoticeInputSchema, PageQuerySchema, SignUpSchema } from './index.ts';
import { displayText } from './text.ts';
import { PAGE_SIZE_MAX } from './values/paging.ts';
import { VALIDATION_MESSAGES } from './values/validation-messages.ts';

const issuesOf = (result: { success: boolean; error?: { issues: Array<{ message: string; path: PropertyKey[] }> } }) =>
  result.error?.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) ?? [];

describe('names and titles others are shown', () => {
  const title = displayText(10);

  it('keep ordinary names, trimmed, in any script', () => {
    expect(title.parse('  陈建国 ')).toBe('陈建国');
    expect(title.parse('Zoë 😀')).toBe('Zoë 😀');
    expect(title.parse('مرحبا')).toBe('مرحبا');
  });

  it('refuse bidi controls, which would show "\\u202e国建陈" as 陈建国', () => {
    for (const text of ['\u202e国建陈', '陈\u2066建国\u2069', '\u200f陈建国', 'a\u061cb'])
      expect(issuesOf(title.safeParse(text))).toEqual([{ path: '', message: 'text_bidi' }]);
  });

  it('refuse text that is only white space or zero-width characters, with the one "required" message', () => {
    for (const text of ['', '   ', '\u3000', '\u200b', '\u200b\u200c\u200d\u2060\ufeff', '\u3164'])
      expect(issuesOf(title.safeParse(text))).toEqual([{ path: '', message: 'required' }]);
    expect(issuesOf(title.safeParse('12345678901'))).toEqual([{ path: '', message: 'too_big' }]);
  });

  it('are what display names, building names and notice titles use, with their own messages', () => {
    expect(
      issuesOf(
        SignUpSchema.safeParse({
          phone: '13800138000',
          code: '123456',
          password: 'long enough',
          displayName: '\u202e国建陈',
        }),
      ),
    ).toEqual([{ path: 'displayName', message: 'text_bidi' }]);
    expect(issuesOf(BuildingCreateSchema.safeParse({ name: '\u200b' }))).toEqual([
      { path: 'name', message: 'name_required' },
    ]);
    const notice = { category: 'notice', body: '正文', audience: 'public' };
    expect(issuesOf(NoticeInputSchema.safeParse({ ...notice, title: '\u2067通知' }))).toEqual([
      { path: 'title', message: 'text_bidi' },
    ]);
    expect(issuesOf(NoticeInputSchema.safeParse({ ...notice, title: '\ufeff' }))).toEqual([
      { path: 'title', message: 'title_required' },
    ]);
  });

  it('have their words in both languages', () => {
    expect(VALIDATION_MESSAGES.text_bidi['zh-CN']).toMatch(/方向/);
    expect(VALIDATION_MESSAGES.text_bidi.en).toMatch(/direction/);
  });
});

describe('page sizes', () => {
  it(`stop at ${PAGE_SIZE_MAX}, said in both languages`, () => {
    expect(PageQuerySchema.parse({}).limit).toBe(20);
    expect(PageQuerySchema.parse({ limit: String(PAGE_SIZE_MAX) }).limit).toBe(PAGE_SIZE_MAX);
    expect(issuesOf(PageQuerySchema.safeParse({ limit: '1000000' }))).toEqual([
      { path: 'limit', message: 'page_size_max' },
    ]);
    expect(VALIDATION_MESSAGES.page_size_max['zh-CN']).toContain(String(PAGE_SIZE_MAX));
    expect(VALIDATION_MESSAGES.page_size_max.en).toContain(String(PAGE_SIZE_MAX));
  });
});
