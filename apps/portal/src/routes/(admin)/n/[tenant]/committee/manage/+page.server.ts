import { error } from '@sveltejs/kit';
import { MAX_MEMBERS, membersOf, rowField, type MemberRow } from '#lib/governance.ts';
import { beijingToday } from '#lib/ledger.ts';
import { apiFor, okBody } from '#lib/server/api.ts';
import { fields } from '#lib/server/forms.ts';
import { columns, refusedBy } from '#lib/server/governance-forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { Actions, PageServerLoad } from './$types';

/** Admins: form the 筹备组, record the first meeting, start a term, record its 备案, end it. */
export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event).api.v1.t[':tenant'];
  const param = { tenant: event.params.tenant };
  const [summary, governance] = await Promise.all([api.$get({ param }), api.governance.$get({ param })]);
  if (!summary.ok) error(404, 'not found');
  const neighbourhood = await summary.json();
  if (!neighbourhood.myRoles.includes('admin')) error(403, 'admins only');
  return { neighbourhood, governance: await okBody(governance), today: beijingToday(), maxMembers: MAX_MEMBERS };
}) satisfies PageServerLoad;

/** The 筹备组 form as typed: its rows, the lead's row, and the same flattened (`name.3`) to type back. */
async function typedGroup(request: Request) {
  const form = await request.formData();
  const rows: MemberRow[] = columns(form, ['name', 'seat'], MAX_MEMBERS);
  const lead = String(form.get('lead') ?? '');
  const values: Record<string, string> = {
    formedOn: String(form.get('formedOn') ?? '').trim(),
    lead,
    rows: String(rows.length),
  };
  rows.forEach((row, i) => {
    values[`name.${i}`] = row.name;
    values[`seat.${i}`] = row.seat;
  });
  return { rows, lead: /^\d+$/.test(lead) ? Number(lead) : -1, values };
}

const nullable = (value: string) => value || null;

export const actions = {
  /** Without JavaScript, "add a member" posts the form: it comes back as typed, two rows longer. */
  addRow: async (event) => {
    const { rows, values } = await typedGroup(event.request);
    return {
      done: 'rows',
      values: { ...values, _form: 'group', rows: String(Math.min(rows.length + 2, MAX_MEMBERS)) },
    };
  },
  group: async (event) => {
    const { rows, lead, values } = await typedGroup(event.request);
    const { members, rowOf } = membersOf(rows, lead);
    const res = await apiFor(event).api.v1.t[':tenant'].governance['preparatory-group'].$post({
      param: { tenant: event.params.tenant },
      json: { formedOn: values.formedOn!, members },
    });
    if (!res.ok)
      return refusedBy(res, event.locals.locale, 'group', values, (path) => rowField(path, 'members', rowOf));
    return { done: 'group' };
  },
  firstMeeting: async (event) => {
    const values = fields(await event.request.formData(), ['heldOn']);
    const res = await apiFor(event).api.v1.t[':tenant'].governance['preparatory-group']['first-meeting'].$post({
      param: { tenant: event.params.tenant },
      json: values,
    });
    if (!res.ok) return refusedBy(res, event.locals.locale, 'firstMeeting', values);
    return { done: 'firstMeeting' };
  },
  term: async (event) => {
    const values = fields(await event.request.formData(), ['electedOn', 'startsOn', 'endsOn', 'seats', 'electedBy']);
    const res = await apiFor(event).api.v1.t[':tenant'].governance.terms.$post({
      param: { tenant: event.params.tenant },
      json: {
        electedOn: values.electedOn,
        startsOn: values.startsOn,
        endsOn: values.endsOn,
        seats: /^\d+$/.test(values.seats) ? Number(values.seats) : -1,
        electedBy: nullable(values.electedBy),
      },
    });
    if (!res.ok) return refusedBy(res, event.locals.locale, 'term', values);
    return { done: 'term' };
  },
  filing: async (event) => {
    const values = fields(await event.request.formData(), ['filedOn', 'registrationNo', 'bankAccount']);
    const res = await apiFor(event).api.v1.t[':tenant'].governance.terms.current.filing.$post({
      param: { tenant: event.params.tenant },
      json: {
        filedOn: values.filedOn,
        registrationNo: nullable(values.registrationNo),
        bankAccount: nullable(values.bankAccount),
      },
    });
    if (!res.ok) return refusedBy(res, event.locals.locale, 'filing', values);
    return { done: 'filing' };
  },
  end: async (event) => {
    const values = fields(await event.request.formData(), ['endedOn']);
    const res = await apiFor(event).api.v1.t[':tenant'].governance.terms.current.end.$post({
      param: { tenant: event.params.tenant },
      json: values,
    });
    if (!res.ok) return refusedBy(res, event.locals.locale, 'end', values);
    return { done: 'end' };
  },
} satisfies Actions;
