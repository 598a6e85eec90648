import type { NoticeCategory } from '@city/contracts';
import { renderNoticeBoard } from '@city/documents/pdf';
import { downloadHeaders, file } from '../../lib/files.ts';
import { defineRoute } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { tenantParams } from '../../lib/tenant-params.ts';
import { readPublicly } from '../../access/enter-tenant.ts';

/** The printed board is the notice board by the gate: Chinese, whatever the reader's language setting. */
const CATEGORY_LABELS: Record<NoticeCategory, string> = { notice: '通知', disclosure: '公示', result: '结果公告' };

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/public/n/{tenant}/notices.pdf',
  tags: ['notices'],
  summary:
    '公示栏打印版（PDF，含返回网页的二维码）/ The public board as a printable PDF with a QR code back to the page',
  access: ['public'],
  request: { params: tenantParams },
  responses: { 200: file('application/pdf', 'PDF') },
});

export const handler: Handler<typeof route> = async (c) => {
  const { notices, clock, publicUrl, fonts } = c.get('services');
  const now = clock.now();
  const { tenant, items } = await readPublicly(c, async (tx, tenant) => ({
    tenant,
    items: await notices.readable(tx, null, now),
  }));
  const pdf = await renderNoticeBoard(
    {
      neighbourhood: tenant.name,
      url: `${publicUrl}/p/${tenant.slug}`,
      printedAt: now,
      notices: items.map((n) => ({
        title: n.title,
        category: CATEGORY_LABELS[n.category],
        body: n.body,
        publishedAt: n.publishAt ?? n.publishedAt,
        expiresAt: n.category === 'disclosure' ? n.expiresAt : null,
        pinned: n.pinned,
      })),
    },
    fonts,
  );
  const day = now.toISOString().slice(0, 10);
  return c.body(pdf, 200, {
    ...downloadHeaders('application/pdf', `${tenant.name}-公示栏-${day}.pdf`, `board-${tenant.slug}-${day}.pdf`),
    'content-disposition': `inline; filename="board-${tenant.slug}-${day}.pdf"`,
    'cache-control': 'public, max-age=60',
  });
};
