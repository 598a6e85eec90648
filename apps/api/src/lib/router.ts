import type { RouteLimit } from '@city/contracts/routes';
import type { Grant } from '@city/contracts';
import { OpenAPIHono, type RouteConfig, type RouteHandler } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { authorize } from '../access/authorize.ts';
import type { AppEnv } from '../env.ts';
import { validationHook } from './problem.ts';
import { rateLimit } from './rate-limit.ts';

/** A declared route as a router sees it: the grants and the limit of its declaration (@city/contracts/routes). */
export type GuardedRoute = RouteConfig & { 'x-access'?: readonly Grant[]; 'x-rate-limit'?: RouteLimit };

/**
 * Registers every route of a router behind the guards its declaration asks for, ahead of validation and the handler;
 * a route that declares no grants is refused when it is registered (default deny). Core routes and plugin routes are
 * registered this way, each router with its own guards.
 */
export function guardRoutes<R extends OpenAPIHono<any, any, any>>(
  router: R,
  guards: (route: GuardedRoute, grants: readonly Grant[]) => MiddlewareHandler[],
): R {
  const register = router.openapi;
  router.openapi = ((route: GuardedRoute, handler: never, hook?: never) => {
    const grants = route['x-access'] ?? [];
    if (!grants.length)
      throw new Error(`${route.method} ${route.path}: declare who may call it (defineRoute's access)`);
    const own = route.middleware ? [route.middleware].flat() : [];
    return register({ ...route, middleware: [...guards(route, grants), ...own] }, handler, hook);
  }) as R['openapi'];
  return router;
}

/**
 * A router of core routes: one env type, one validation hook (localised problem+json), and each route behind its
 * attempt limit (counted before authorization, so refused attempts count too) and its access check.
 */
export function createRouter() {
  return guardRoutes(new OpenAPIHono<AppEnv>({ defaultHook: validationHook }), (route, grants) => {
    const limit = route['x-rate-limit'];
    return [...(limit ? [rateLimit(limit)] : []), authorize(grants)];
  });
}

/** A handler typed by its route, never by a bare Context: its input and answers are checked against the route. */
export type Handler<R extends RouteConfig> = RouteHandler<R, AppEnv>;
