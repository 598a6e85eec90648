import { page } from '$app/state';
import type { Locale } from '@city/contracts';
import { addressLabel, buildingLabel, dayLabel } from '@city/contracts/values';
import { formatFen } from '#lib/money.ts';
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

const readerLocale = () => (page.data.locale as Locale | undefined) ?? 'zh-CN';

/**
 * Dates and times shown in Asia/Shanghai (docs/architecture.md §3), in the reader's language: `2026/12/02 23:25`, and
 * for English readers the day-month order and 24-hour clock of Beijing time, `2 Dec 2026, 23:25` (not the US
 * `12/02/2026, 11:25 PM`, which a reader in China takes for 12 February).
 */
export function formatDateTime(iso: string): string {
  return dateTimeFormat(readerLocale()).format(new Date(iso));
}

export const dateTimeFormat = (locale: Locale) =>
  locale === 'en'
    ? new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Asia/Shanghai',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
    : new Intl.DateTimeFormat('zh-CN', {
        timeZone: 'Asia/Shanghai',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      });

/** A calendar day (`2026-11-25`) as the reader writes it: `2026-11-25` / `25 Nov 2026`. */
export const formatDay = (day: string) => dayLabel(day, readerLocale());

/** A month of the ledger (`2026-11`) as the reader says it: 2026年11月 / November 2026. */
export function formatMonth(period: string): string {
  const locale = readerLocale();
  const [year, month] = period.split('-').map(Number);
  if (!year || !month) return period;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
  }).format(new Date(Date.UTC(year, month - 1, 1)));
}

/** Fen as the reader reads an amount: `12,500.00 元` / `¥12,500.00` (Intl's currency format in English). */
export function formatMoney(fen: number): string {
  if (readerLocale() !== 'en') return `${formatFen(fen)} 元`;
  const yuan = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol' });
  return yuan.format(fen / 100);
}

/** Names or labels in a run, as the reader lists them: `甲、乙、丙` / `a, b, c`. */
export function formatList(items: readonly string[]): string {
  return new Intl.ListFormat(readerLocale() === 'en' ? 'en-GB' : 'zh-CN', {
    type: 'conjunction',
    style: 'narrow',
  }).format(items);
}

/** A home's address the API joined (`1栋 1单元 202`) as the reader says it: `Bldg 1, Unit 1, Room 202` in English. */
export const formatAddress = (address: string) => addressLabel(address, readerLocale());

/** A building's name (`1栋`) as the reader says it: `Bldg 1` in English; a name of its own stays as typed. */
export const formatBuilding = (name: string) => buildingLabel(name, readerLocale());
