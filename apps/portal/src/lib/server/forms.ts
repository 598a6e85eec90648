import type { Problem } from '@city/contracts';
import { fail } from '@sveltejs/kit';

export type FormFailure = {
  message: string;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
};

/** The API's problem+json (already in the visitor's language) → a form failure the page shows next to fields. */
export async function failFrom(res: Response, values: Record<string, string> = {}) {
  let problem: Problem | null = null;
  try {
    problem = (await res.json()) as Problem;
  } catch {
    // a non-JSON failure keeps the generic message
  }
  const fieldErrors = Object.fromEntries((problem?.errors ?? []).map((e) => [e.path, e.message]));
  return fail(res.status, {
    message: problem?.detail ?? problem?.title ?? `HTTP ${res.status}`,
    fieldErrors,
    values,
  } satisfies FormFailure);
}

/** Text fields of a form, trimmed; absent fields are empty strings. */
export function fields<const K extends string>(form: FormData, names: readonly K[]): Record<K, string> {
  return Object.fromEntries(names.map((n) => [n, String(form.get(n) ?? '').trim()])) as Record<K, string>;
}
