import { describe, expect, it } from 'vitest';
import { linkify } from './linkify.ts';

describe('linkify', () => {
  it('turns the addresses in a notice into links and leaves the rest as text', () => {
    expect(linkify('投票入口：https://city.example/n/jinse/p/voting/meetings/1。请于截止前投票')).toEqual([
      { text: '投票入口：' },
      {
        text: 'https://city.example/n/jinse/p/voting/meetings/1',
        href: 'https://city.example/n/jinse/p/voting/meetings/1',
      },
      { text: '。请于截止前投票' },
    ]);
    expect(linkify('（详见 http://a.example/x）')).toEqual([
      { text: '（详见 ' },
      { text: 'http://a.example/x', href: 'http://a.example/x' },
      { text: '）' },
    ]);
  });

  it('links nothing that is not an http(s) address', () => {
    expect(linkify('javascript:alert(1) 与 <a href="x">')).toEqual([{ text: 'javascript:alert(1) 与 <a href="x">' }]);
    expect(linkify('')).toEqual([]);
  });
});
