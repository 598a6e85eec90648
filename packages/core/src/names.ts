import { pinyin } from 'pinyin-pro';

/** "金色 家园·一期" and "金色家园一期" name one neighbourhood: spaces, punctuation and case do not count. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

/** A readable URL slug from a Chinese name: 金色家园 → jinsejiayuan. */
export function slugFromName(name: string): string {
  const syllables = pinyin(name.normalize('NFKC'), { toneType: 'none', type: 'array', nonZh: 'consecutive' });
  const slug = syllables
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 36)
    .replace(/-+$/, '');
  return slug.length >= 3 ? slug : `xq-${slug || 'new'}`;
}
