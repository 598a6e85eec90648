import { createRoute, type RouteConfig, type RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../env.ts';
import { ProblemSchema, type Grant } from '@city/contracts';
import { authorize } from './authorize.ts';
import { rateLimit, type RouteLimit } from './rate-limit.ts';

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** The error answers every route may give; routes spread them so OpenAPI documents them (STYLE §5). */
export const errorResponses = {
  400: problem('请求无效 / Invalid request'),
  401: problem('未登录 / Not signed in'),
  403: problem('无权限 / Forbidden'),
  404: problem('不存在 / Not found'),
  409: problem('冲突 / Conflict'),
  429: problem('请求过多 / Too many requests'),
} as const;

type RouteInput = Omit<RouteConfig, 'middleware'> & { access: readonly Grant[]; limit?: RouteLimit };

/**
 * A route with its access declared next to it: the grants become the route's authorize middleware and the
 * `x-access` extension of its OpenAPI operation, which the role × route matrix test reads.
 */
export function defineRoute<const R extends RouteInput>(config: R) {
  const { access, limit, ...rest } = config;
  const secured = access.includes('public') ? {} : { security: [{ session: [] }, { bearer: [] }] };
  return createRoute({
    ...rest,
    ...secured,
    'x-access': access,
    // The limit counts before authorization opens the request's transaction, so refused attempts count too.
    middleware: limit ? ([rateLimit(limit), authorize(access)] as const) : ([authorize(access)] as const),
  } as unknown as Omit<R, 'access'> & { path: R['path'] }) as Omit<R, 'access'> & {
    getRoutingPath(): string;
  };
}

export const json = <T>(schema: T, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

/** A handler typed by its route (STYLE: never a bare Context). */
export type Handler<R extends RouteConfig> = RouteHandler<R, AppEnv>;
