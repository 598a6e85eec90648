import type { Locale } from './enums.ts';

/**
 * A calendar day (`2026-12-18`) in a text the system writes for a known reader: as stored for a Chinese reader, and
 * `18 Dec 2026` for an English one (day before month, as British English and a reader in China both expect; the US
 * `12/18/2026` is misread here).
 */
export function dayLabel(day: string, locale: Locale): string {
  const [year, month, date] = day.split('-').map(Number);
  if (locale !== 'en' || !year || !month || !date) return day;
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(
    new Date(Date.UTC(year, month - 1, date)),
  );
}
