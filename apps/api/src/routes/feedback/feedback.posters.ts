import { z } from '@hono/zod-openapi';
import { IdSchema } from '@city/contracts';
import { defineRoute } from '@city/contracts/routes';
import { AppError, feedbackPlaces, feedbackSettings } from '@city/core';
import { renderFeedbackPosters } from '@city/documents/pdf';
import { downloadHeaders, file } from '../../lib/files.ts';
import type { Handler } from '../../lib/router.ts';
import { tenantParams } from '../../lib/tenant-params.ts';

export const postersRoute = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/feedback-posters.pdf',
  tags: ['neighbourhood'],
  summary:
    '码上提二维码海报（A4，每栋一页及全小区一页；或只打印一栋）/ 码上提 QR posters: one A4 page per building and one for the whole neighbourhood, or one building',
  access: ['tenant:admin', 'tenant:staff'],
  request: { params: tenantParams, query: z.object({ building: IdSchema.optional() }) },
  errors: [404],
  responses: { 200: file('application/pdf', 'PDF') },
});

export const postersHandler: Handler<typeof postersRoute> = async (c) => {
  const tenant = c.get('tenant');
  const tx = c.get('tx');
  const { building } = c.req.valid('query');
  const [{ buildings }, settings] = await Promise.all([feedbackPlaces(tx), feedbackSettings(tx)]);
  const form = (place: string) =>
    `${c.get('services').publicUrl}/n/${encodeURIComponent(tenant.slug)}/feedback?building=${encodeURIComponent(place)}`;
  const byBuilding = buildings
    .filter((b) => !building || b.id === building)
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true }))
    .map((b) => ({ building: b.name, url: form(b.id) }));
  if (building && byBuilding.length === 0) throw new AppError('not_found');
  const pdf = await renderFeedbackPosters(
    {
      neighbourhood: tenant.name,
      workingDays: settings.workingDays,
      posters: building ? byBuilding : [{ building: null, url: form('public') }, ...byBuilding],
    },
    c.get('services').fonts,
  );
  const day = c.get('services').clock.now().toISOString().slice(0, 10);
  return c.body(
    pdf,
    200,
    downloadHeaders(
      'application/pdf',
      `${tenant.name}-码上提二维码-${day}.pdf`,
      `feedback-posters-${tenant.slug}-${day}.pdf`,
    ),
  );
};
