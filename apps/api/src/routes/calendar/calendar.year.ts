import { CalendarNoticeInputSchema, CalendarYearParamsSchema, CalendarYearSchema } from '@city/contracts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import { actorOf } from '../../lib/request-meta.ts';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';

export const getRoute = defineRoute({
  method: 'get',
  path: '/api/v1/calendar/{year}',
  tags: ['platform'],
  summary: '某年的放假与调休安排（工作日计算依据）/ A year’s holidays and make-up working days',
  access: ['public'],
  request: { params: CalendarYearParamsSchema },
  responses: { 200: json(CalendarYearSchema) },
});

export const getHandler: Handler<typeof getRoute> = async (c) =>
  c.json(serialize(await c.get('services').calendars.year(c.req.valid('param').year)), 200);

export const putRoute = defineRoute({
  method: 'put',
  path: '/api/v1/calendar/{year}',
  tags: ['platform'],
  summary: '载入或更正某年国务院放假通知（平台运营）/ Load or correct a year’s holiday notice (operators)',
  access: ['operator'],
  request: { params: CalendarYearParamsSchema, body: jsonBody(CalendarNoticeInputSchema) },
  responses: { 200: json(CalendarYearSchema) },
});

export const putHandler: Handler<typeof putRoute> = async (c) => {
  const { year } = c.req.valid('param');
  return c.json(serialize(await c.get('services').calendars.save(actorOf(c), year, c.req.valid('json'))), 200);
};
