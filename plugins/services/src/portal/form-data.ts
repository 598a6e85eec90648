import { CATEGORY_IDS, PRICE_UNIT_IDS, type Category, type PriceUnit } from '../categories.ts';

/**
 * Reading plugin forms and query strings: trimmed text fields, known categories and price units, and times typed in a
 * datetime-local field (Beijing time).
 */
export const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

export const category = (value: string) => (CATEGORY_IDS.includes(value as Category) ? (value as Category) : undefined);
export const priceUnit = (value: string) =>
  PRICE_UNIT_IDS.includes(value as PriceUnit) ? (value as PriceUnit) : 'visit';

/** `2026-12-01T09:00` typed on a page shown in Asia/Shanghai → an ISO time with its offset. */
export const beijingTime = (value: string) =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00+08:00` : value;

/** A fresh Idempotency-Key for a form: a resubmitted form (double tap, back and resend) makes no second order. */
export const newKey = () => crypto.randomUUID();
