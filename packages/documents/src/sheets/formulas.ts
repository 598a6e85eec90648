/**
 * CSV injection (OWASP's CSV Injection page; ASVS 5.0 1.2.10): a spreadsheet reads a cell that starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return as a formula (ASVS adds NUL) — a building named `=HYPERLINK(…)` would come back
 * as a live link in Excel or WPS. Exported text cells that would start one get an apostrophe in front, which makes the
 * spreadsheet show them as text; our own reader takes it off again.
 */

/** Checked after any apostrophes already there, so that guarding stays reversible (`'=x` becomes `''=x`). */
const FORMULA_START = /^'*[=+\-@\t\r\0]/;
/** A guarded cell as it comes back: the one apostrophe the guard added, before what it guarded. */
const GUARDED = /^'(?='*[=+\-@\t\r\0])/;
/** Plain decimal notation (`-12.5`, `+3`, `-1e3`): a spreadsheet reads it as a number, never as a formula. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** A cell as the caller has it: text, or a number its own code computed. */
export type SheetCell = string | number;

/**
 * Whether text would start a formula. A string that is exactly a finite number in decimal notation (floor `-1`, a
 * negative amount) is a number to the spreadsheet, not a formula, and is left as it is.
 */
export function startsFormula(text: string): boolean {
  return FORMULA_START.test(text) && !(DECIMAL.test(text) && Number.isFinite(Number(text)));
}

/** The exported form of a cell: a finite number as it is, text that would start a formula after an apostrophe. */
export function guardCell(cell: SheetCell): SheetCell {
  if (typeof cell === 'number' && Number.isFinite(cell)) return cell;
  const text = String(cell);
  return startsFormula(text) ? `'${text}` : text;
}

/** A CSV cell as it was before `guardCell`, so an exported table re-imports unchanged. */
export const unguardCell = (text: string) => text.replace(GUARDED, '');
