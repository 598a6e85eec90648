export const SALE_STATUSES = ['sold_delivered', 'sold_undelivered', 'unsold'] as const;
export const AREA_SOURCES = ['registered', 'measured', 'contract'] as const;
/**
 * What the admin decides about owner records that look like one person (no ID number, the same name and phone): one
 * person (the records are merged) or different people (the group is not flagged again unless its members change).
 */
export const LOOKALIKE_DECISIONS = ['same_person', 'different_people'] as const;
export type LookalikeDecision = (typeof LOOKALIKE_DECISIONS)[number];
export type AreaSource = (typeof AREA_SOURCES)[number];

/** Integer 0.01 m² → "89.50" (for display and export, without floating point). */
export function formatArea(hundredths: number): string {
  return `${Math.trunc(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** The area that counts (docs/domain.md §2.1, SPC art. 8): registered, else measured, else contract. */
export function countingArea(unit: {
  registeredArea: number | null;
  measuredArea: number | null;
  contractArea: number | null;
}) {
  if (unit.registeredArea !== null) return { area: unit.registeredArea, source: 'registered' as const };
  if (unit.measuredArea !== null) return { area: unit.measuredArea, source: 'measured' as const };
  if (unit.contractArea !== null) return { area: unit.contractArea, source: 'contract' as const };
  return null;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Mainland resident ID number (GB 11643): 17 digits and a check character. */
export function isValidIdNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(value[i]), 0);
  return ID_CHECK[sum % 11] === value[17];
}

/** 500102199001011234 → 5001**********1234 (PIPL: shown masked, docs/domain.md §5.1). */
export function maskIdNumber(value: string): string {
  return `${value.slice(0, 4)}${'*'.repeat(Math.max(value.length - 8, 0))}${value.slice(-4)}`;
}
