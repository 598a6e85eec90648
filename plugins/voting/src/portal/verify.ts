import type { PluginPage, PortalContext } from '@city/plugin-sdk/portal';
import type { VotingPublicApi } from '../server/index.ts';
import type { VerifyData } from './types.ts';

/** Receipt codes look like ABCD-EFGH-JKLM; the API also takes them without dashes or in lower case. */
const RECEIPT_MAX = 20;

/**
 * /verify?receipt=…[&check=chain]: anyone checks what their ballot recorded, and may recompute the meeting's ballot
 * chain. A GET form, so the address can be printed as a QR code and works without JavaScript.
 */
async function load({ client, ok, url }: PortalContext<VotingPublicApi>): Promise<VerifyData> {
  const receipt = (url.searchParams.get('receipt') ?? '').trim();
  if (!receipt) return { receipt, found: null, chain: null };
  const res = receipt.length <= RECEIPT_MAX ? await client.receipts[':receipt'].$get({ param: { receipt } }) : null;
  // A code that is not there (or not a code at all) is an answer for the page, not an error page. The client's types
  // know only the documented 200, hence the widened status.
  const status: number | null = res?.status ?? null;
  if (!res || status === 404 || status === 400) return { receipt, found: null, chain: null };
  const found = await ok(res);
  const chain =
    url.searchParams.get('check') === 'chain'
      ? await ok(await client.meetings[':meetingId'].chain.$get({ param: { meetingId: found.meeting.id } }))
      : null;
  return { receipt, found, chain };
}

export const verifyPage: PluginPage<VotingPublicApi> = { component: () => import('./VerifyPage.svelte'), load };
