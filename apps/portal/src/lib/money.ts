/**
 * Money as the ledger keeps it (integer fen, 分) and as people read and type it (元 with two decimals). Strings are
 * parsed digit by digit: `0.1 + 0.2` never reaches an account.
 */

/** Hundredths with thousands separators and two decimals: 1250000 → `12,500.00`, -5 → `-0.05`. */
export function formatHundredths(value: number): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(value));
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** Fen shown in 元: `formatFen(1250000)` → `12,500.00`. */
export const formatFen = formatHundredths;

/** Fen as one types 元 in a form (no separators): 800050 → `8000.50`. */
export function fenToYuanInput(fen: number): string {
  return formatHundredths(fen).replaceAll(',', '');
}

/** The most one entry may move (contracts' MAX_FEN, 10 亿元; its root entry stays out of browser code). */
export const MAX_FEN = 100_000_000_000;

export type YuanProblem = 'required' | 'format' | 'zero' | 'too_large';

const FULL_WIDTH = /[０-９．，]/g;
/** 8000, 8000.5, 8000.50, 8,000.50; an optional ¥ before or 元 after. */
const YUAN = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/**
 * 元 as typed (`8000`, `8000.50`, `8,000.5`, `¥8000`, `8000元`, full-width digits from a Chinese keyboard) → fen, or
 * why not: empty, not an amount (letters, a minus sign, three decimals), zero, or above what the ledger takes.
 */
export function parseYuan(text: string): { fen: number } | { problem: YuanProblem } {
  const typed = text
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .trim()
    .replace(/^[¥￥]\s*/, '')
    .replace(/\s*元$/, '');
  if (typed === '') return { problem: 'required' };
  const match = YUAN.exec(typed);
  if (!match) return { problem: 'format' };
  const whole = match[1]!.replaceAll(',', '').replace(/^0+(?=\d)/, '');
  // More digits than MAX_FEN has in 元 cannot be converted exactly, and is too large anyway.
  if (whole.length > String(MAX_FEN).length) return { problem: 'too_large' };
  const fen = Number(whole) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (fen === 0) return { problem: 'zero' };
  if (fen > MAX_FEN) return { problem: 'too_large' };
  return { fen };
}
