import { error } from '@sveltejs/kit';
import { DEFAULT_CRITERIA, defaultPeriod, MAX_SCORES, periodChoices, rowField, scoresOf } from '#lib/governance.ts';
import { beijingToday } from '#lib/ledger.ts';
import { apiFor, okBody } from '#lib/server/api.ts';
import { columns, refusedBy, refusedHere } from '#lib/server/governance-forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { Actions, PageServerLoad } from './$types';

/** The supervisory committee's current members score the committee; the evaluation goes to 公示 at once. */
export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event).api.v1.t[':tenant'];
  const param = { tenant: event.params.tenant };
  const [summary, seats] = await Promise.all([api.$get({ param }), api['committee-members'].$get({ param })]);
  if (!summary.ok) error(404, 'not found');
  const today = beijingToday();
  return {
    neighbourhood: await summary.json(),
    seats: (await okBody(seats)).items,
    periods: periodChoices(today),
    period: defaultPeriod(today),
    criteria: [...DEFAULT_CRITERIA],
    maxScores: MAX_SCORES,
  };
}) satisfies PageServerLoad;

/** The form as typed: its rows and the same flattened (`criterion.3`) to type back. */
async function typed(request: Request) {
  const form = await request.formData();
  const rows = columns(form, ['criterion', 'score', 'remark'], MAX_SCORES);
  const values: Record<string, string> = {
    period: String(form.get('period') ?? '').trim(),
    summary: String(form.get('summary') ?? '').trim(),
    rows: String(rows.length),
  };
  rows.forEach((row, i) => {
    values[`criterion.${i}`] = row.criterion;
    values[`score.${i}`] = row.score;
    values[`remark.${i}`] = row.remark;
  });
  return { rows, values };
}

export const actions = {
  /** Without JavaScript, "add a criterion" posts the form: it comes back as typed, one row longer. */
  addRow: async (event) => {
    const { rows, values } = await typed(event.request);
    return {
      done: 'rows',
      values: { ...values, _form: 'evaluate', rows: String(Math.min(rows.length + 1, MAX_SCORES)) },
    };
  },
  evaluate: async (event) => {
    const { rows, values } = await typed(event.request);
    const locale = event.locals.locale;
    const { scores, rowOf, missing } = scoresOf(rows);
    if (missing.length)
      return refusedHere(
        locale,
        'evaluate',
        Object.fromEntries(missing.map((field) => [field, 'committee.eval.scoreRequired' as const])),
        values,
      );
    const res = await apiFor(event).api.v1.t[':tenant'].governance.evaluations.$post({
      param: { tenant: event.params.tenant },
      json: { period: values.period!, scores, summary: values.summary! },
    });
    // not_a_signer speaks of signing: said here in the words of an evaluation.
    if (res.status === 403) return refusedHere(locale, 'evaluate', {}, values, 'committee.eval.notSigner');
    if (!res.ok) return refusedBy(res, locale, 'evaluate', values, (path) => rowField(path, 'scores', rowOf));
    return { done: 'evaluate' };
  },
} satisfies Actions;
