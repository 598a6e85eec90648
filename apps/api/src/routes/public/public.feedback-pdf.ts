import type { FeedbackRating } from '@city/contracts';
import { defineRoute } from '@city/contracts/routes';
import { renderBoard } from '@city/documents/pdf';
import { readPublicly } from '../../access/enter-tenant.ts';
import { downloadHeaders, file } from '../../lib/files.ts';
import type { Handler } from '../../lib/router.ts';
import { tenantParams } from '../../lib/tenant-params.ts';

/** The printed board hangs by the gate: Chinese, whatever the reader's language setting. */
const RATINGS: Record<FeedbackRating, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
};
/** The newest closed reports a sheet of paper can carry. */
const PRINTED = 100;

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/public/n/{tenant}/feedback.pdf',
  tags: ['notices'],
  summary: '码上提办结公示打印版（PDF，最近 100 条）/ Closed reports as a printable PDF (the latest 100)',
  access: ['public'],
  request: { params: tenantParams },
  responses: { 200: file('application/pdf', 'PDF') },
});

export const handler: Handler<typeof route> = async (c) => {
  const { feedback, clock, publicUrl, fonts } = c.get('services');
  const now = clock.now();
  const { tenant, board } = await readPublicly(c, async (tx, tenant) => ({
    tenant,
    board: await feedback.board(tx, { limit: PRINTED }),
  }));
  const pdf = await renderBoard(
    {
      neighbourhood: tenant.name,
      heading: '码上提 · 办结公示',
      empty: '目前没有办结的反映。',
      url: `${publicUrl}/p/${tenant.slug}`,
      printedAt: now,
      entries: board.items.map((item) => ({
        label: `#${item.number} ${item.category} · ${item.building ?? '公共区域'}`,
        meta: [
          `反映 ${item.reportedOn}`,
          `办结 ${item.closedOn}`,
          `用时 ${item.workingDaysTaken} 个工作日`,
          item.rating ? RATINGS[item.rating] : '未评价',
          item.reporterName ? `反映人 ${item.reporterName}` : null,
        ]
          .filter(Boolean)
          .join(' · '),
        body: item.summary,
      })),
    },
    fonts,
  );
  const day = now.toISOString().slice(0, 10);
  return c.body(pdf, 200, {
    ...downloadHeaders('application/pdf', `${tenant.name}-码上提公示-${day}.pdf`, `feedback-${tenant.slug}-${day}.pdf`),
    'content-disposition': `inline; filename="feedback-${tenant.slug}-${day}.pdf"`,
    'cache-control': 'public, max-age=60',
  });
};
