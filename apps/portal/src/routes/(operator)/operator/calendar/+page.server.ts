import type { Problem } from '@city/contracts';
import { error, fail } from '@sveltejs/kit';
import { parseDays } from '#lib/date-ranges.ts';
import { translate } from '#lib/i18n/index.ts';
import { apiFor } from '#lib/server/api.ts';
import { fields } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { Actions, PageServerLoad } from './$types';

/** This year and the next two: the years a notice is loaded for. */
const yearsFrom = (now: Date) => [0, 1, 2].map((d) => now.getUTCFullYear() + d);

const yearOf = (url: URL, years: number[]) => {
  const asked = Number(url.searchParams.get('year'));
  return years.includes(asked) ? asked : years[0]!;
};

export const load = (async (event) => {
  const me = requireMe(event.locals, event.url);
  if (!me.user.isPlatformOperator) error(403, 'forbidden');
  const years = yearsFrom(new Date());
  const year = yearOf(event.url, years);
  const res = await apiFor(event).api.v1.calendar[':year'].$get({ param: { year: String(year) } });
  if (!res.ok) error(res.status, 'calendar');
  return { years, calendar: await res.json() };
}) satisfies PageServerLoad;

export const actions = {
  save: async (event) => {
    const form = fields(await event.request.formData(), ['year', 'holidays', 'workdays', 'note']);
    const holidays = parseDays(form.holidays);
    const workdays = parseDays(form.workdays);
    const res = await apiFor(event).api.v1.calendar[':year'].$put({
      param: { year: form.year },
      json: { holidays, workdays, note: form.note },
    });
    if (res.ok) return { saved: true };
    // Say which day is wrong: the API names the list and the position.
    const problem = (await res.json().catch(() => null)) as Problem | null;
    const fieldErrors: Record<string, string> = {};
    for (const e of problem?.errors ?? []) {
      const [list, index] = e.path.split('.');
      const day = list === 'holidays' ? holidays[Number(index)] : list === 'workdays' ? workdays[Number(index)] : '';
      fieldErrors[list!] ??= day
        ? translate(event.locals.locale, 'punct.label', { label: day }) + e.message
        : e.message;
    }
    return fail(res.status, {
      message: problem?.detail ?? problem?.title ?? `HTTP ${res.status}`,
      fieldErrors,
      values: form,
    });
  },
} satisfies Actions;
