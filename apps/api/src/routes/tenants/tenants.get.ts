import { z } from '@hono/zod-openapi';
import { TENANT_ROLES, TenantSchema } from '@city/contracts';
import { schema } from '@city/db';
import { eq } from 'drizzle-orm';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { tenantParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}',
  tags: ['neighbourhood'],
  summary: '小区概况与我的角色 / The neighbourhood and my roles in it',
  access: ['tenant:member'],
  request: { params: tenantParams },
  responses: {
    200: json(
      z.object({ tenant: TenantSchema, myRoles: z.array(z.enum(TENANT_ROLES)), memberCount: z.number().int() }),
    ),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const tx = c.get('tx');
  const [tenant] = await tx
    .select()
    .from(schema.tenants)
    .where(eq(schema.tenants.id, c.get('tenant').id));
  const memberCount = await tx.$count(schema.members);
  const { id, slug, name, address, communityId, status, createdAt } = tenant!;
  return c.json(
    serialize({
      tenant: { id, slug, name, address, communityId, status, createdAt },
      myRoles: c.get('member').roles,
      memberCount,
    }),
    200,
  );
};
