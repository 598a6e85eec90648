import { ApplicantContactSchema } from '@city/contracts';
import { actorOf } from '../../lib/request-meta.ts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { decisionParams } from './applications.decision.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/applications/{applicationId}/contact',
  tags: ['applications'],
  summary: '查看申请人完整手机号（留痕）/ The applicant’s full number (the read is recorded)',
  description:
    '列表中手机号均为掩码；每次查看完整号码都会记录查看人与时间，申请人可在个人数据导出中看到。Lists show the number masked; every read of the full number is recorded, and the applicant sees it in their data export.',
  access: ['region-staff', 'operator'],
  request: { params: decisionParams },
  responses: { 200: json(ApplicantContactSchema) },
});

export const handler: Handler<typeof route> = async (c) => {
  c.header('Cache-Control', 'no-store');
  const contact = await c.get('services').applications.contact(actorOf(c), c.req.valid('param').applicationId);
  return c.json(contact, 200);
};
