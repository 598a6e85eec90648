/**
 * Money is integer fen everywhere (docs/architecture.md §3); people type and read yuan. Conversions go through strings, never
 * floating point: "120.5" → 12050.
 */
export function yuanToFen(text: string): number | null {
  const match = text
    .trim()
    .replace(/^[¥￥]/, '')
    .match(/^(\d{1,6})(?:\.(\d{1,2}))?$/);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/**
 * What a form shows for a stored price: "120.50", plain digits to type over. Pages show amounts through
 * `kit.formatMoney`, as the rest of the portal does.
 */
export const fenToYuanText = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
