import { z } from '@hono/zod-openapi';
import {
  CommitteeElectionSchema,
  ElectionApplyInputSchema,
  ElectionDismissInputSchema,
  GovernanceSchema,
  IdSchema,
  TENANT_MANAGERS,
} from '@city/contracts';
import { applyElection, beijingDate, committeeElections, dismissElection, governance } from '@city/core';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import { auditContext } from '../../lib/request-meta.ts';
import type { Handler } from '../../lib/router.ts';
import { tenantParams } from '../../lib/tenant-params.ts';

const electionParams = tenantParams.extend({ electionId: IdSchema });

export const listRoute = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/governance/elections',
  tags: ['neighbourhood'],
  summary:
    '投票插件报来的业主委员会选举结果（新的在前）/ Committee election results the voting plugin reported, newest first',
  access: TENANT_MANAGERS,
  request: { params: tenantParams },
  responses: { 200: json(z.object({ items: z.array(CommitteeElectionSchema) })) },
});

export const listHandler: Handler<typeof listRoute> = async (c) =>
  c.json({ items: await committeeElections(c.get('tx')) }, 200);

export const applyRoute = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/governance/elections/{electionId}/apply',
  tags: ['neighbourhood'],
  summary:
    '确认选举结果：当选人对应成员，开始新一届任期或补入本届 / Take a result: link the elected to members, start the term or seat them',
  access: TENANT_MANAGERS,
  request: { params: electionParams, body: jsonBody(ElectionApplyInputSchema) },
  responses: { 200: json(GovernanceSchema) },
});

export const applyHandler: Handler<typeof applyRoute> = async (c) => {
  const tx = c.get('tx');
  await applyElection(
    tx,
    auditContext(c),
    c.req.valid('param').electionId,
    c.req.valid('json'),
    c.get('services').notifications,
  );
  return c.json(await governance(tx, beijingDate(c.get('services').clock.now())), 200);
};

export const dismissRoute = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/governance/elections/{electionId}/dismiss',
  tags: ['neighbourhood'],
  summary: '搁置选举结果（写明原因）/ Set a result aside, with the reason',
  access: TENANT_MANAGERS,
  request: { params: electionParams, body: jsonBody(ElectionDismissInputSchema) },
  responses: { 200: json(z.object({ items: z.array(CommitteeElectionSchema) })) },
});

export const dismissHandler: Handler<typeof dismissRoute> = async (c) => {
  const tx = c.get('tx');
  await dismissElection(tx, auditContext(c), c.req.valid('param').electionId, c.req.valid('json').reason);
  return c.json({ items: await committeeElections(tx) }, 200);
};
