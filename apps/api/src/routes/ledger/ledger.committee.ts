import {
  CommitteeMemberInputSchema,
  CommitteeMemberLeaveSchema,
  CommitteeMemberSchema,
  CrossAppointmentInputSchema,
  TENANT_MANAGERS,
} from '@city/contracts';
import { addCommitteeMember, committeeMembers, endCommitteeSeat, recordCrossAppointment } from '@city/core';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import { auditContext } from '../../lib/request-meta.ts';
import type { Handler } from '../../lib/router.ts';
import { tenantParams } from '../../lib/tenant-params.ts';
import { itemsOf, seatParams } from './ledger.common.ts';

export const listRoute = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/committee-members',
  tags: ['neighbourhood'],
  summary: '业主委员会与业主监督委员会的委员 / Members of the owners’ and the supervisory committee',
  access: ['tenant:member'],
  request: { params: tenantParams },
  responses: { 200: json(itemsOf(CommitteeMemberSchema)) },
});

export const listHandler: Handler<typeof listRoute> = async (c) =>
  c.json({ items: await committeeMembers(c.get('tx')) }, 200);

export const addRoute = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/committee-members',
  tags: ['neighbourhood'],
  summary: '记录委员就任 / Seat a member (as elected or appointed)',
  access: TENANT_MANAGERS,
  request: { params: tenantParams, body: jsonBody(CommitteeMemberInputSchema) },
  responses: { 201: json(CommitteeMemberSchema) },
});

export const addHandler: Handler<typeof addRoute> = async (c) =>
  c.json(await addCommitteeMember(c.get('tx'), auditContext(c), c.req.valid('json')), 201);

export const leaveRoute = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/committee-members/{seatId}/leave',
  tags: ['neighbourhood'],
  summary: '记录委员离任（辞职、罢免、任期届满）/ A member leaves',
  access: TENANT_MANAGERS,
  request: { params: seatParams, body: jsonBody(CommitteeMemberLeaveSchema) },
  responses: { 200: json(CommitteeMemberSchema) },
});

export const leaveHandler: Handler<typeof leaveRoute> = async (c) =>
  c.json(await endCommitteeSeat(c.get('tx'), auditContext(c), c.req.valid('param').seatId, c.req.valid('json')), 200);

export const crossAppointmentRoute = defineRoute({
  method: 'put',
  path: '/api/v1/t/{tenant}/committee-members/{seatId}/cross-appointment',
  tags: ['neighbourhood'],
  summary: '记录交叉任职（委员在党组织中的职务，手工记录）/ Record a member’s post in the party organisation (by hand)',
  access: TENANT_MANAGERS,
  request: { params: seatParams, body: jsonBody(CrossAppointmentInputSchema) },
  responses: { 200: json(CommitteeMemberSchema) },
});

export const crossAppointmentHandler: Handler<typeof crossAppointmentRoute> = async (c) =>
  c.json(
    await recordCrossAppointment(
      c.get('tx'),
      auditContext(c),
      c.req.valid('param').seatId,
      c.req.valid('json').partyPost,
    ),
    200,
  );
