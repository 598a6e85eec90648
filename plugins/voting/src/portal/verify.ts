import type { PluginPage, PortalContext } from '@city/plugin-sdk/portal';
import type { VotingApi, VotingPublicApi } from '../server/index.ts';
import type { ChainCheck, VerifiedReceipt, VerifyData } from './types.ts';

/** Receipt codes look like ABCD-EFGH-JKLM; the API also takes them without dashes or in lower case. */
const RECEIPT_MAX = 20;

/**
 * A code that is not there (or not a code at all) is an answer for the page, not an error page. The client's types
 * know only the documented 200, hence the widened status.
 */
const missing = (res: { status: number }) => {
  const status: number = res.status;
  return status === 404 || status === 400;
};

/** How one side of the page reads a receipt (null where there is no such code) and the meeting's chain. */
interface Reader {
  receipt(receipt: string): Promise<VerifiedReceipt | null>;
  chain(meetingId: string): Promise<ChainCheck>;
}

async function check(url: URL, audience: VerifyData['audience'], read: Reader): Promise<VerifyData> {
  const receipt = (url.searchParams.get('receipt') ?? '').trim();
  const found = receipt && receipt.length <= RECEIPT_MAX ? await read.receipt(receipt) : null;
  const chain = found && url.searchParams.get('check') === 'chain' ? await read.chain(found.meeting.id) : null;
  return { receipt, found, chain, audience };
}

/**
 * /verify?receipt=…[&check=chain], public: anyone checks that a ballot is in the chain (counted, replaced or returned;
 * where and when) and may recompute the meeting's chain — never what the ballot chose. A GET form, so the address can
 * be printed as a QR code and works without JavaScript.
 */
const loadPublic = ({ client, ok, url }: PortalContext<VotingPublicApi>) =>
  check(url, 'public', {
    receipt: async (receipt) => {
      const res = await client.receipts[':receipt'].$get({ param: { receipt } });
      return missing(res) ? null : ok(res);
    },
    chain: async (meetingId) => ok(await client.meetings[':meetingId'].chain.$get({ param: { meetingId } })),
  });

/**
 * The same page for a signed-in member of the neighbourhood (the public page links here to sign in): the same check,
 * and the choices of a ballot cast for a counting owner the visitor votes for.
 */
const loadMember = ({ client, ok, url }: PortalContext<VotingApi>) =>
  check(url, 'member', {
    receipt: async (receipt) => {
      const res = await client.receipts[':receipt'].$get({ param: { receipt } });
      return missing(res) ? null : ok(res);
    },
    chain: async (meetingId) => ok(await client.meetings[':meetingId'].chain.$get({ param: { meetingId } })),
  });

export const verifyPage: PluginPage<VotingPublicApi> = {
  component: () => import('./VerifyPage.svelte'),
  load: loadPublic,
};
export const memberVerifyPage: PluginPage<VotingApi> = {
  component: () => import('./VerifyPage.svelte'),
  load: loadMember,
};
