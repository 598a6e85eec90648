import {
  escapeHostileCharacters,
  hasHostileCharacter,
  VALIDATION_MESSAGES,
  type ValidationMessageKey,
} from '@city/contracts';
import { AppError, type FieldProblem } from '@city/core';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
import type { AppEnv } from '../env.ts';
import { problemResponse } from './problem.ts';

/**
 * Levels of a JSON body (the body itself is the first): more than any request of ours needs, far less than what would
 * exhaust a stack serialising it or Postgres storing it as jsonb.
 */
export const MAX_BODY_DEPTH = 32;
/** Enough to show a client what is wrong without echoing a whole hostile body back. */
const MAX_PROBLEMS = 20;

type Found = [path: string, key: ValidationMessageKey];

/**
 * The input guard, for every route of the core and of plugins alike, before the session lookup, the access check and
 * any handler: a string anywhere in the request — a path parameter, a query parameter, the JSON body at any depth
 * (keys too), a form's fields and file names — that holds a character no text may hold (NUL, C0 controls but tab and
 * line breaks, unpaired surrogates, noncharacters: `hasHostileCharacter`), a percent-encoding that does not decode,
 * or a JSON body nested deeper than `MAX_BODY_DEPTH` is answered 400 with a field error naming where
 * (`path.noticeId`, `query.q`, `body.owners.0.name`). Otherwise Postgres refuses such text mid-request (a 500) or,
 * worse, stores what no page can show.
 */
export const refuseHostileInput = createMiddleware<AppEnv>(async (c, next) => {
  const url = new URL(c.req.url);
  const found = [...pathProblems(c, url.pathname), ...queryProblems(url.search), ...(await bodyProblems(c))];
  if (!found.length) return next();
  const fields: FieldProblem[] = found
    .slice(0, MAX_PROBLEMS)
    .map(([path, key]) => ({ path, code: key, message: VALIDATION_MESSAGES[key] }));
  return problemResponse(c, new AppError('validation_failed', { fields }));
});

/** Each segment of the path, named after the route's parameter where the matched route has one there. */
function pathProblems(c: Context<AppEnv>, pathname: string): Found[] {
  const segments = pathname.split('/');
  // The route the request matched (middleware is registered for every method, routes for theirs).
  const template = matchedRoutes(c)
    .findLast((route) => route.method !== 'ALL')
    ?.path.split('/');
  const found: Found[] = [];
  segments.forEach((segment, i) => {
    const parameter = template?.length === segments.length ? /^:(\w+)/.exec(template[i] ?? '')?.[1] : undefined;
    const key = checkEncoded(segment);
    if (key) found.push([parameter ? `path.${parameter}` : 'path', key]);
  });
  return found;
}

function queryProblems(search: string): Found[] {
  const found: Found[] = [];
  for (const pair of search.slice(1).split('&')) {
    if (!pair) continue;
    const at = pair.indexOf('=');
    const rawName = at === -1 ? pair : pair.slice(0, at);
    const name = decode(rawName.replace(/\+/g, ' '));
    const where = `query.${escapeHostileCharacters(name ?? rawName)}`;
    const key = checkEncoded(rawName) ?? (at === -1 ? undefined : checkEncoded(pair.slice(at + 1)));
    if (key) found.push([where, key]);
  }
  return found;
}

async function bodyProblems(c: Context<AppEnv>): Promise<Found[]> {
  if (!c.req.raw.body) return [];
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json' || type.endsWith('+json')) {
    let value: unknown;
    try {
      // Hono keeps the text: the route's validator reads the same body again.
      value = JSON.parse(await c.req.text());
    } catch {
      return []; // not JSON: the route's validator answers that (malformed_body)
    }
    return jsonProblems(value);
  }
  if (type === 'multipart/form-data' || type === 'application/x-www-form-urlencoded') {
    // Parsed from a copy of the kept bytes, so a form that does not parse leaves the route to answer it.
    const bytes = await c.req.arrayBuffer();
    const form = await new Response(bytes, { headers: { 'content-type': c.req.header('content-type')! } })
      .formData()
      .catch(() => null);
    const found: Found[] = [];
    form?.forEach((value, name) => {
      const text = typeof value === 'string' ? value : value.name;
      if (hasHostileCharacter(name) || hasHostileCharacter(text))
        found.push([`body.${escapeHostileCharacters(name)}`, 'text_hostile']);
    });
    return found;
  }
  return []; // files (images, spreadsheets) are the routes' to read
}

/** Breadth first, without recursion: a body nested as deep as the size limit allows cannot exhaust the stack. */
function jsonProblems(body: unknown): Found[] {
  const found: Found[] = [];
  // A member's name is checked with its value: one error for the place, whichever of the two is hostile.
  const queue: Array<[value: unknown, path: string, depth: number, name: string]> = [[body, 'body', 0, '']];
  for (let i = 0; i < queue.length && found.length < MAX_PROBLEMS; i++) {
    const [value, path, depth, name] = queue[i]!;
    if (hasHostileCharacter(name) || (typeof value === 'string' && hasHostileCharacter(value)))
      found.push([path, 'text_hostile']);
    else if (typeof value === 'object' && value !== null) {
      if (depth === MAX_BODY_DEPTH) found.push([path, 'too_deep']);
      else
        for (const [key, child] of Object.entries(value))
          queue.push([child, `${path}.${escapeHostileCharacters(key)}`, depth + 1, key]);
    }
  }
  return found;
}

/** What is wrong with a piece of the address, if anything: its percent-encoding, or what it decodes to. */
function checkEncoded(text: string): ValidationMessageKey | undefined {
  const decoded = decode(text);
  if (decoded === undefined) return 'url_encoding';
  return hasHostileCharacter(decoded) ? 'text_hostile' : undefined;
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
