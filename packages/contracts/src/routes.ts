import { createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import type { Grant } from './values/access.ts';
import { ProblemSchema } from './errors.ts';

/**
 * The route kit: how every endpoint of the API — the core's and the plugins' — is declared. A declaration is data:
 * its path, who may call it (`access`, the grants of ./access.ts), its request and its answers. The routers that
 * register declarations enforce the access (apps/api: the core's router and the plugin runtime's), so a route
 * cannot be registered without it; the error answers its access and request imply are added here, so the OpenAPI
 * document lists them without each route repeating them.
 */

const problem = <const D extends string>(description: D) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** The problem+json answers, by status (RFC 9457; the body's `code` says which error of the catalogue it is). */
export const PROBLEMS = {
  400: problem('请求无效 / Invalid request'),
  401: problem('未登录 / Not signed in'),
  403: problem('无权限 / Forbidden'),
  404: problem('不存在 / Not found'),
  409: problem('冲突 / Conflict'),
  410: problem('已失效 / Gone'),
  413: problem('请求内容过大 / Too large'),
  429: problem('请求过多 / Too many requests'),
  503: problem('服务暂不可用 / Service unavailable'),
} as const;
export type ProblemStatus = keyof typeof PROBLEMS;

/** What any route may answer: a public one (bad input, nothing there), or one behind a session (also 401 and 403). */
const PUBLIC_PROBLEMS = { 400: PROBLEMS[400], 404: PROBLEMS[404] } as const;
const SIGNED_IN_PROBLEMS = { ...PUBLIC_PROBLEMS, 401: PROBLEMS[401], 403: PROBLEMS[403] } as const;

/** A JSON answer, for OpenAPI and the typed client. */
export const json = <T>(schema: T, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});

/** A file answer (a PDF, a spreadsheet, an image) of one media type. */
export const fileResponse = (mediaType: string, description = 'File') => ({
  description,
  content: { [mediaType]: { schema: z.string().openapi({ format: 'binary' }) } },
});

/** A required JSON request body. */
export const jsonBody = <T>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

/** Attempts per caller (a signed-in person, else an address) in a window, counted before the access check. */
export interface RouteLimit {
  bucket: string;
  max: number;
  windowMs: number;
}

export interface RouteDeclaration extends Omit<RouteConfig, 'middleware' | 'security'> {
  /** Who may call (default deny: an empty list admits nobody). Enforced by the router that registers the route. */
  access: readonly Grant[];
  /** Error answers beyond those every route of its kind may give: a conflict (409), a code gone (410), … */
  errors?: readonly ProblemStatus[];
  limit?: RouteLimit;
}

type CommonProblems<A extends readonly Grant[]> = 'public' extends A[number]
  ? typeof PUBLIC_PROBLEMS
  : typeof SIGNED_IN_PROBLEMS;
type ExtraStatus<R> =
  | (R extends { errors: readonly (infer S extends ProblemStatus)[] } ? S : never)
  | (R extends { limit: RouteLimit } ? 429 : never);
type ExtraProblems<R extends RouteDeclaration> = { [S in ExtraStatus<R>]: (typeof PROBLEMS)[S] };
type Answers<R extends RouteDeclaration> = Omit<CommonProblems<R['access']> & ExtraProblems<R>, keyof R['responses']> &
  R['responses'];

/** A declared route: its OpenAPI operation (with `x-access`), ready for a router's `.openapi(route, handler)`. */
export type DeclaredRoute<R extends RouteDeclaration> = Omit<R, 'access' | 'errors' | 'limit' | 'responses'> & {
  responses: Answers<R>;
  'x-access': R['access'];
  getRoutingPath(): string;
};

export function defineRoute<const R extends RouteDeclaration>(declaration: R): DeclaredRoute<R> {
  const { access, errors = [], limit, ...route } = declaration;
  const open = access.includes('public');
  const extra = [...errors, ...(limit ? ([429] as const) : [])];
  const responses = {
    ...(open ? PUBLIC_PROBLEMS : SIGNED_IN_PROBLEMS),
    ...Object.fromEntries(extra.map((status) => [status, PROBLEMS[status]])),
    ...route.responses,
  };
  return createRoute({
    ...route,
    responses,
    ...(open ? {} : { security: [{ session: [] }, { bearer: [] }] }),
    'x-access': access,
    ...(limit ? { 'x-rate-limit': limit } : {}),
  }) as unknown as DeclaredRoute<R>;
}
