import { page } from '$app/state';
import type { Locale } from '@city/contracts';
import { en } from './en.ts';
import { zhCN, type MessageKey } from './zh-CN.ts';

export type { MessageKey };

type Params = Record<string, string | number | undefined>;

const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  const text = dictionaries[locale][key] as string | undefined;
  // Keys built at run time (e.g. from an audit action) may be unknown: show the key rather than fail.
  if (text === undefined) return key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Translates in the current request's language (page state is per request, also during SSR). */
export function t(key: MessageKey, params?: Params): string {
  return translate((page.data.locale as Locale | undefined) ?? 'zh-CN', key, params);
}

/** Dates and times shown in Asia/Shanghai (docs/architecture.md §3), in the reader's language. */
export function formatDateTime(iso: string): string {
  const locale = (page.data.locale as Locale | undefined) ?? 'zh-CN';
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** A month of the ledger (`2026-11`) as the reader says it: 2026年11月 / November 2026. */
export function formatMonth(period: string): string {
  const locale = (page.data.locale as Locale | undefined) ?? 'zh-CN';
  const [year, month] = period.split('-').map(Number);
  if (!year || !month) return period;
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'long' }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
}
