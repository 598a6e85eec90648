import { compareNatural } from '@city/contracts/values';
import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { failFrom } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import { unitFromForm } from '#lib/server/unit-form.ts';
import { matches, unitState } from './building-grid.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event);
  const [summary, res] = await Promise.all([
    api.api.v1.t[':tenant'].$get({ param: { tenant: event.params.tenant } }),
    api.api.v1.t[':tenant'].registry.buildings[':buildingId'].units.$get({ param: event.params }),
  ]);
  if (!summary.ok || !res.ok) error(res.status === 403 ? 403 : 404, 'not found');
  // A building holds at most a few hundred units: the API sends them all (in address order) and the search narrows
  // them here, so the page works the same without JavaScript.
  const units = (await res.json()).items;
  const q = event.url.searchParams.get('q')?.trim() ?? '';
  const entrance = event.url.searchParams.get('entrance') ?? '';
  return {
    myRoles: (await summary.json()).myRoles,
    buildingName: units[0]?.buildingName ?? null,
    total: units.length,
    counts: {
      verified: units.filter((u) => unitState(u) === 'verified').length,
      vacant: units.filter((u) => unitState(u) === 'vacant').length,
    },
    entrances: [...new Set(units.map((u) => u.entrance))].sort(compareNatural),
    filter: { q, entrance },
    units: units.filter((u) => (!entrance || u.entrance === entrance) && matches(u, q)),
  };
}) satisfies PageServerLoad;

export const actions = {
  unit: async (event) => {
    const { input, values } = unitFromForm(await event.request.formData());
    const res = await apiFor(event).api.v1.t[':tenant'].registry.units.$post({
      param: { tenant: event.params.tenant },
      json: { ...input, buildingId: event.params.buildingId },
    });
    if (!res.ok) return failFrom(res, values);
    return { added: true };
  },
} satisfies Actions;
