import type { ActionResult, PluginPage, PortalContext } from '@city/plugin-sdk/portal';
import type { PartyApi } from '../server/index.ts';
import { COMMITMENT_STATUSES, type CommitmentStatus } from '../values.ts';
import { done, refused, text } from './forms.ts';
import type { CommitmentsData } from './types.ts';

type Context = PortalContext<PartyApi> & { form: FormData };

/** The branch's work comes first: without a filter the page lists the fulfilments waiting for it. */
const DEFAULT_STATUS: CommitmentStatus = 'claimed';
/** The status asked for; any other value (the page's `all`) lists every status. */
function statusIn(url: URL): CommitmentStatus | null {
  const wanted = url.searchParams.get('status') ?? DEFAULT_STATUS;
  return (COMMITMENT_STATUSES as readonly string[]).includes(wanted) ? (wanted as CommitmentStatus) : null;
}

async function confirm({ client, form }: Context): Promise<ActionResult> {
  const commitmentId = text(form, 'id');
  const res = await client.branch.commitments[':commitmentId'].decision.$post({
    param: { commitmentId },
    json: { action: 'confirm' },
  });
  return res.ok ? done('confirm', commitmentId) : refused(res, 'confirm', commitmentId);
}

/** 退回: not fulfilled yet; the note says what is missing. */
async function giveBack({ client, form }: Context): Promise<ActionResult> {
  const commitmentId = text(form, 'id');
  const values = { note: text(form, 'note') };
  const res = await client.branch.commitments[':commitmentId'].decision.$post({
    param: { commitmentId },
    json: { action: 'return', note: values.note },
  });
  return res.ok ? done('return', commitmentId) : refused(res, 'return', commitmentId, values);
}

/** /branch/commitments: the members' commitments by status, the claimed ones to confirm (践诺) or return. */
export const commitmentsPage: PluginPage<PartyApi> = {
  component: () => import('./CommitmentsPage.svelte'),
  load: async ({ client, ok, url }): Promise<CommitmentsData> => {
    const status = statusIn(url);
    const list = await ok(await client.branch.commitments.$get({ query: status ? { status } : {} }));
    return { items: list.items, status };
  },
  actions: { confirm, return: giveBack },
};
