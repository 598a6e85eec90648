import { error } from '@sveltejs/kit';
import { MAX_MEMBERS, membersOf, rowField, type MemberRow } from '#lib/governance.ts';
import { beijingToday, POSITIONS } from '#lib/ledger.ts';
import { apiFor, okBody } from '#lib/server/api.ts';
import { fields } from '#lib/server/forms.ts';
import { columns, refusedBy, refusedHere } from '#lib/server/governance-forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import { sendLedgerFile } from '#lib/server/ledger-documents.ts';
import type { Actions, PageServerLoad } from './$types';
import { electionField, typedElection } from './election-form.ts';

/**
 * Admins: take the elections the voting plugin counted, form the 筹备组, record the first meeting, start a term,
 * record its 备案 and keep its papers, record 交叉任职, end it.
 */
export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event).api.v1.t[':tenant'];
  const param = { tenant: event.params.tenant };
  const [summary, governance, elections, seats] = await Promise.all([
    api.$get({ param }),
    api.governance.$get({ param }),
    api.governance.elections.$get({ param }),
    api['committee-members'].$get({ param }),
  ]);
  if (!summary.ok) error(404, 'not found');
  const neighbourhood = await summary.json();
  if (!neighbourhood.myRoles.includes('admin')) error(403, 'admins only');
  const { items } = await okBody(elections);
  return {
    neighbourhood,
    governance: await okBody(governance),
    elections: items,
    // 交叉任职 is recorded for the owners' committee only, and only while the member sits.
    committee: (await okBody(seats)).items
      .filter((s) => s.body === 'committee' && s.leftOn === null)
      .sort(
        (a, b) => POSITIONS.indexOf(a.position) - POSITIONS.indexOf(b.position) || a.joinedOn.localeCompare(b.joinedOn),
      ),
    ...(await electionChoices(api, param, items)),
    today: beijingToday(),
    maxMembers: MAX_MEMBERS,
  };
}) satisfies PageServerLoad;

type TenantApi = ReturnType<typeof apiFor>['api']['v1']['t'][':tenant'];

/**
 * The members an elected name may be linked to: those whose name contains it (searched, so they are there however
 * many members the neighbourhood has), and the first page of all members for anyone registered under another name.
 * Asked only while a result waits.
 */
async function electionChoices(
  api: TenantApi,
  param: { tenant: string },
  elections: readonly { status: string; elected: { name: string }[] }[],
) {
  const names = [
    ...new Set(elections.filter((e) => e.status === 'pending').flatMap((e) => e.elected.map((x) => x.name))),
  ];
  if (!names.length) return { members: [], moreMembers: false, namesakes: {} };
  const [all, ...found] = await Promise.all([
    api.members.$get({ param, query: { limit: '100' } }),
    ...names.map((q) => api.members.$get({ param, query: { q, limit: '20' } })),
  ]);
  const page = await okBody(all!);
  const namesakes = Object.fromEntries(
    await Promise.all(names.map(async (name, i) => [name, (await okBody(found[i]!)).items] as const)),
  );
  return { members: page.items, moreMembers: page.nextCursor !== null, namesakes };
}

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
  /** A paper of the filing (备案回执, 民非登记证书, 开户许可) for every member to open. */
  filingDocument: async (event) => {
    const sent = await sendLedgerFile(event, 'filingDocument', [], ({ name }, body) =>
      apiFor(event).api.v1.t[':tenant'].governance.terms.current.documents.$post(
        { param: { tenant: event.params.tenant }, query: { name } },
        body,
      ),
    );
    return sent.failure ?? { done: 'filingDocument' };
  },
  /** 交叉任职 as the admin records it (the clear button sends null): the API never infers it. */
  crossAppointment: async (event) => {
    const form = await event.request.formData();
    const values = fields(form, ['seatId', 'partyPost']);
    const clear = form.has('clear');
    // Spaces pass the browser's `required`; said here in words about the post rather than the API's "too short".
    if (!clear && !values.partyPost)
      return refusedHere(
        event.locals.locale,
        'crossAppointment',
        { partyPost: 'committee.cross.postRequired' },
        values,
      );
    const res = await apiFor(event).api.v1.t[':tenant']['committee-members'][':seatId']['cross-appointment'].$put({
      param: { tenant: event.params.tenant, seatId: values.seatId },
      json: { partyPost: clear ? null : values.partyPost },
    });
    // The seat rides in `values`: the page shows the refusal at that member's form only.
    if (!res.ok) return refusedBy(res, event.locals.locale, 'crossAppointment', values);
    return { done: clear ? 'crossAppointmentCleared' : 'crossAppointment', id: values.seatId };
  },
  applyElection: async (event) => {
    const { electionId, json, values } = typedElection(await event.request.formData());
    const res = await apiFor(event).api.v1.t[':tenant'].governance.elections[':electionId'].apply.$post({
      param: { tenant: event.params.tenant, electionId },
      json,
    });
    // The election's id rides in `values`: the page shows the refusal under that result only.
    if (!res.ok) return refusedBy(res, event.locals.locale, 'applyElection', values, electionField);
    return { done: 'applyElection', id: electionId };
  },
  dismissElection: async (event) => {
    const values = fields(await event.request.formData(), ['electionId', 'reason']);
    const res = await apiFor(event).api.v1.t[':tenant'].governance.elections[':electionId'].dismiss.$post({
      param: { tenant: event.params.tenant, electionId: values.electionId },
      json: { reason: values.reason },
    });
    if (!res.ok) return refusedBy(res, event.locals.locale, 'dismissElection', values);
    return { done: 'dismissElection', id: values.electionId };
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
