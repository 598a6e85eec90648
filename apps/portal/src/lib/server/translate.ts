import type { Locale } from '@city/contracts';
import { en } from '#lib/i18n/en.ts';
import { fill, type Dictionary, type MessageKey } from '#lib/i18n/index.ts';
import { zhCN } from '#lib/i18n/zh-CN.ts';

const dictionaries: Record<Locale, Dictionary> = { 'zh-CN': zhCN, en };

/** A message in a language the server names (a form's refusal in its sender's language), outside a page's render. */
export const translate = (locale: Locale, key: MessageKey, params?: Record<string, string | number | undefined>) =>
  fill(dictionaries[locale], key, params);
