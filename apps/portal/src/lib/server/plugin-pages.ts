import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { matchPage, PortalError, type PluginPage, type PortalContext, type SuccessBody } from '@city/plugin-sdk/portal';
import { translate } from '#lib/i18n/index.ts';
import { pluginApiPath, type PluginAudience } from '@city/plugin-sdk/links';
import { API_ORIGIN } from '$app/env/private';
import { apiHeaders } from './api.ts';
import { passFile, pluginFileApiPath } from './downloads.ts';
import { failFrom } from './forms.ts';
import { pageAssets } from './dynamic-assets.ts';

type Event = RequestEvent<{ pluginId: string; path: string }>;

/** The page of a plugin's pages matching the request's path inside the plugin; 404 when none does. */
export function pageFor(pages: Record<string, PluginPage<any>> | undefined, path: string) {
  const match = pages ? matchPage(pages, `/${path}`) : null;
  if (!match) error(404, 'not found');
  return match;
}

/** What a plugin page's load and actions receive, for one audience. */
export function portalContext(
  event: Event,
  match: { params: Record<string, string> },
  setup: {
    client: PortalContext<any>['client'];
    tenant: { slug: string; name: string };
    actor: PortalContext<any>['actor'];
    organisation?: PortalContext<any>['organisation'];
  },
): PortalContext<any> {
  return {
    organisation: null,
    ...setup,
    locale: event.locals.locale,
    params: match.params,
    url: event.url,
    async ok(response) {
      if (!response.ok) throw new PortalError(response.status);
      return (await response.json()) as SuccessBody<typeof response>;
    },
  };
}

/** A plugin's PortalError becomes the portal's error page with the same status. */
async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (thrown) {
    if (thrown instanceof PortalError) error(thrown.status === 403 ? 403 : 404, 'not found');
    throw thrown;
  }
}

/**
 * What the matched page's load returns (`pageData`, empty when it loads nothing) and the modules its head preloads;
 * its styles go to the `handle` hook, which inlines them with the page's nonce.
 */
export async function loadPage(event: RequestEvent, page: PluginPage<any>, context: PortalContext<any>) {
  const [pageData, { styles, modules }] = await Promise.all([
    guarded(async () => (page.load ? await page.load(context) : {})),
    pageAssets(page),
  ]);
  event.locals.pageStyles = styles;
  return { pageData, modules };
}

/** Runs the form action a plugin form names in its hidden `_action` field; `pageUrl` turns a plugin path into a URL. */
export async function runPluginAction(
  event: Event,
  page: PluginPage<any>,
  context: PortalContext<any>,
  pageUrl: (path: string) => string,
) {
  const form = await event.request.formData();
  const action = page.actions?.[String(form.get('_action') ?? '')];
  if (!action)
    return fail(400, { message: translate(event.locals.locale, 'form.submitError'), fieldErrors: {}, values: {} });
  const result = await guarded(() => action({ ...context, form }));
  if ('failed' in result && result.failed instanceof Response)
    return failFrom(result.failed, result.values as Record<string, string> | undefined);
  if ('redirect' in result && typeof result.redirect === 'string') redirect(303, pageUrl(result.redirect));
  return result;
}

/**
 * Hands a file a plugin's API answers (a PDF, a spreadsheet, a photo) to the browser, for the visitor's session and
 * language. Only files of that plugin's API for that audience (a path that tries to leave it is a 400), and only
 * files: a JSON answer is not a download and gets a 404, unless the API serves it as a file (with a
 * content-disposition, like a meeting's bulletin board). `scope` is the neighbourhood's slug, or the organisation's id
 * for organisation pages.
 */
export async function passPluginFile(
  event: RequestEvent<{ pluginId: string; path: string }>,
  audience: PluginAudience,
  scope: string,
) {
  const { pluginId, path } = event.params;
  const target = pluginFileApiPath(pluginApiPath(audience, scope, pluginId), event.url.pathname, path);
  if (!target) error(400, 'bad file path');
  const res = await globalThis.fetch(`${API_ORIGIN}${target}${event.url.search}`, { headers: apiHeaders(event) });
  const file = res.headers.has('content-disposition');
  if (res.ok && !file && (res.headers.get('content-type') ?? '').includes('json')) error(404, 'not found');
  return passFile(res);
}
