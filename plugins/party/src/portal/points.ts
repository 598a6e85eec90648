import type { ActionResult, PluginPage, PortalContext } from '@city/plugin-sdk/portal';
import type { PartyApi } from '../server/index.ts';
import { done, optionalNumber, refused, refusedHere, text } from './forms.ts';
import { messages } from './messages/index.ts';
import type { PointsData } from './types.ts';

type Context = PortalContext<PartyApi> & { form: FormData };

async function award({ client, form }: Context): Promise<ActionResult> {
  const values = {
    partyMemberId: text(form, 'partyMemberId'),
    ruleId: text(form, 'ruleId'),
    reason: text(form, 'reason'),
  };
  const res = await client.branch.points.$post({ json: values });
  return res.ok ? done('award') : refused(res, 'award', '', values);
}

/** 冲正: a new entry taking the points back; the original stays in the ledger. */
async function reverse({ client, form }: Context): Promise<ActionResult> {
  const entryId = text(form, 'id');
  const values = { reason: text(form, 'reason') };
  const res = await client.branch.points[':entryId'].reversal.$post({ param: { entryId }, json: values });
  // A success is told above the ledger (the entry stays, marked); a refusal beside the entry's form.
  return res.ok ? done('reverse') : refused(res, 'reverse', entryId, values);
}

/** A rule's form: as typed (for redisplay), and as the API takes it — or, for numbers that are not, the field. */
function ruleFrom(form: FormData) {
  const values = {
    name: text(form, 'name'),
    points: text(form, 'points'),
    yearlyCap: text(form, 'yearlyCap'),
    awardedBy: text(form, 'awardedBy'),
    active: form.get('active') === null ? '' : 'on',
  };
  const points = optionalNumber(values.points) ?? NaN;
  const yearlyCap = optionalNumber(values.yearlyCap);
  const wrong = Number.isNaN(points) ? 'points' : Number.isNaN(yearlyCap) ? 'yearlyCap' : null;
  const json = {
    name: values.name,
    points,
    yearlyCap,
    awardedBy: values.awardedBy === 'organiser' ? ('organiser' as const) : ('branch' as const),
    active: values.active === 'on',
  };
  return { values, json, wrong };
}

const saving =
  (action: 'addRule' | 'saveRule') =>
  async ({ client, form, locale }: Context): Promise<ActionResult> => {
    const ruleId = action === 'saveRule' ? text(form, 'id') : '';
    const { values, json, wrong } = ruleFrom(form);
    if (wrong) return refusedHere(messages[locale]['form.wholeNumber'], wrong, action, ruleId, values);
    const res =
      action === 'saveRule'
        ? await client.branch.rules[':ruleId'].$put({ param: { ruleId }, json })
        : await client.branch.rules.$post({ json });
    return res.ok ? done(action, ruleId) : refused(res, action, ruleId, values);
  };

/** /branch/points: the year's assessment with its exports, the ledger, awarding by hand, and the points scheme. */
export const pointsPage: PluginPage<PartyApi> = {
  component: () => import('./PointsPage.svelte'),
  load: async ({ client, ok }): Promise<PointsData> => {
    const [assessment, ledger] = await Promise.all([
      client.branch.assessment.$get({ query: {} }).then(ok),
      client.branch.points.$get({ query: {} }).then(ok),
    ]);
    return { assessment, ledger: ledger.items };
  },
  actions: { award, reverse, addRule: saving('addRule'), saveRule: saving('saveRule') },
};
