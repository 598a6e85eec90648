/** GB 32100-2015: the code's alphabet (no I, O, Z, S, V); a character's value is its index here. */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The 18th character that the first 17 call for, or null when one of them is not in the alphabet. */
export function usccCheckCharacter(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17[i] ?? '');
    if (value < 0) return null;
    sum += value * USCC_WEIGHTS[i]!;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** How people type the code: spaces and dashes dropped, letters upper-cased. */
export const normaliseUscc = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();

/** A unified social credit code (统一社会信用代码) whose 18th character matches its checksum. */
export function isValidUscc(code: string): boolean {
  return /^[0-9A-HJ-NP-RTUW-Y]{18}$/.test(code) && usccCheckCharacter(code.slice(0, 17)) === code[17];
}
