import { LettersRequestSchema, VERIFIERS } from '@city/contracts';
import { renderClaimLetters } from '@city/documents/pdf';
import { downloadHeaders, file } from '../../lib/files.ts';
import { auditContext } from '../../lib/request-meta.ts';
import { defineRoute, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { tenantParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/registry/letters',
  tags: ['verification'],
  summary:
    '打印住户认证邀请函（每户一页，新码作废旧码）/ Print claim letters: one page per unit, new codes replace unused ones',
  access: VERIFIERS,
  request: { params: tenantParams, body: jsonBody(LettersRequestSchema) },
  responses: {
    200: file('application/pdf', 'PDF，每户一页 / PDF, one page per unit'),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const tenant = c.get('tenant');
  const context = { ...auditContext(c), tenantSlug: tenant.slug };
  const issued = await c.get('services').verification.issueCodes(c.get('tx'), context, c.req.valid('json'));
  const pdf = await renderClaimLetters(
    {
      neighbourhood: tenant.name,
      expiresAt: issued.expiresAt,
      letters: issued.letters,
    },
    c.get('services').fonts,
  );
  const day = context.at.toISOString().slice(0, 10);
  return c.body(
    pdf,
    200,
    downloadHeaders('application/pdf', `${tenant.name}-住户认证邀请函-${day}.pdf`, `letters-${tenant.slug}-${day}.pdf`),
  );
};
