import { apiFor, okBody } from '#lib/server/api.ts';
import { failFrom, fields } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event);
  const [regions, mine] = await Promise.all([api.api.v1.regions.$get(), api.api.v1.applications.mine.$get()]);
  const { items } = await okBody(regions);
  const streets = new Map(items.filter((r) => r.kind === 'street').map((r) => [r.id, r.name]));
  const byStreet = new Map<string, { value: string; label: string }[]>();
  for (const community of items.filter((r) => r.kind === 'community')) {
    const street = streets.get(community.parentId ?? '') ?? '';
    byStreet.set(street, [...(byStreet.get(street) ?? []), { value: community.id, label: community.name }]);
  }
  return {
    communityGroups: [...byStreet].map(([label, options]) => ({ label, options })),
    mine: mine.ok ? (await mine.json()).items : [],
  };
}) satisfies PageServerLoad;

export const actions = {
  default: async (event) => {
    requireMe(event.locals, event.url);
    const values = fields(await event.request.formData(), [
      'name',
      'address',
      'communityId',
      'applicantName',
      'note',
    ] as const);
    const res = await apiFor(event).api.v1.applications.$post({
      json: { ...values, note: values.note || undefined },
    });
    if (!res.ok) return failFrom(res, values);
    return { submitted: true };
  },
} satisfies Actions;
