/** Reading plugin forms: trimmed text fields, and times typed in a datetime-local field (Beijing time). */
export const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** `2026-12-01T09:00` typed on a page shown in Asia/Shanghai → an ISO time with its offset. */
export const beijingTime = (value: string) =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00+08:00` : value;

/** A fresh Idempotency-Key for a form: a resubmitted form (double tap, back and resend) makes no second order. */
export const newKey = () => crypto.randomUUID();
