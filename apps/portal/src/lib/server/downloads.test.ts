import { pluginApiPath } from '@city/plugin-sdk/links';
import { describe, expect, it } from 'vitest';
import { fileDisposition, pluginFileApiPath } from './downloads.ts';

const prefix = pluginApiPath('public', 'jinse-jiayuan', 'voting');
const pages = '/p/jinse-jiayuan/apps/voting/files';

/** The pass-through's answer for a request path as the browser sent it, and the path SvelteKit decoded from it. */
const passed = (raw: string) => pluginFileApiPath(prefix, `${pages}/${raw}`, decodeURIComponent(raw));

describe("a plugin file's path through the portal", () => {
  it("reaches the plugin's own API", () => {
    expect(passed('meetings/0193a/result.pdf')).toBe(
      '/api/v1/public/n/jinse-jiayuan/p/voting/meetings/0193a/result.pdf',
    );
    expect(passed('images/%E7%85%A7%E7%89%87')).toBe(
      '/api/v1/public/n/jinse-jiayuan/p/voting/images/%E7%85%A7%E7%89%87',
    );
  });

  it.each([
    '..%2F..%2F..%2Fhealth',
    '..%2f..%2fcontacts%2Fentries',
    'meetings%2F..%2F..%2F..%2Fme',
    '%2e%2e%2F%2e%2e%2Fme',
    '.%2E/me',
    '%252F..%252F..%252Fme',
    '..%252F..%252Fme',
    '..%5C..%5Cme',
    'meetings/%00/board.json',
    'meetings/%0D%0Ax',
  ])('refuses %s', (raw) => {
    expect(passed(raw)).toBeNull();
  });

  it('refuses dot segments, backslashes and an empty path even when nothing was encoded', () => {
    expect(pluginFileApiPath(prefix, `${pages}/x`, '../../me')).toBeNull();
    expect(pluginFileApiPath(prefix, `${pages}/x`, 'meetings/./x')).toBeNull();
    expect(pluginFileApiPath(prefix, `${pages}/x`, 'a\\..\\me')).toBeNull();
    expect(pluginFileApiPath(prefix, `${pages}/`, '')).toBeNull();
  });
});

describe("a passed-through file's Content-Disposition", () => {
  it("keeps the API's, file name included, for types a browser only displays", () => {
    expect(fileDisposition('application/pdf', 'inline; filename="result.pdf"')).toBe('inline; filename="result.pdf"');
    expect(fileDisposition('text/csv; charset=utf-8', 'attachment; filename="r.csv"')).toBe(
      'attachment; filename="r.csv"',
    );
    expect(fileDisposition('image/jpeg', null)).toBe('inline');
  });

  it('downloads every other type, whatever the API said', () => {
    expect(fileDisposition('text/html; charset=utf-8', 'inline; filename="x.html"')).toBe(
      'attachment; filename="x.html"',
    );
    expect(fileDisposition('image/svg+xml', null)).toBe('attachment');
    expect(fileDisposition(null, null)).toBe('attachment');
  });
});
