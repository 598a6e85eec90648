import { AppError } from '@city/core';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './env.ts';
import { refuseHostileInput } from './lib/hostile-input.ts';
import { negotiateLocale } from './lib/locale.ts';
import { mountOpenApi } from './lib/openapi.ts';
import { pacePublic, PUBLIC_PACE } from './lib/pacing.ts';
import { onError, problemResponse } from './lib/problem.ts';
import { createRouter } from './lib/router.ts';
import { sessionMiddleware } from './lib/session.ts';
import { organisationRoutes } from './routes/organisations/index.ts';
import { applicationRoutes } from './routes/applications/index.ts';
import { auditRoutes } from './routes/audit/index.ts';
import { noticeRoutes } from './routes/notices/index.ts';
import { publicRoutes } from './routes/public/index.ts';
import { registryRoutes } from './routes/registry/index.ts';
import { IMPORT_MAX_BYTES, registryImportRoutes } from './routes/registry-import/index.ts';
import { authRoutes } from './routes/auth/index.ts';
import { calendarRoutes } from './routes/calendar/index.ts';
import { feedbackRoutes } from './routes/feedback/index.ts';
import { ledgerRoutes } from './routes/ledger/index.ts';
import { governanceRoutes } from './routes/governance/index.ts';
import { georeportRoutes, open311ClientRoutes } from './routes/open311/index.ts';
import { devRoutes } from './routes/dev/index.ts';
import { healthRoutes } from './routes/health/index.ts';
import { invitationRoutes } from './routes/invitations/index.ts';
import { meRoutes } from './routes/me/index.ts';
import { neighbourhoodRoutes } from './routes/neighbourhoods/index.ts';
import { notificationRoutes } from './routes/notifications/index.ts';
import { memberRoutes } from './routes/members/index.ts';
import { regionRoutes } from './routes/regions/index.ts';
import { supervisionRoutes } from './routes/supervision/index.ts';
import { tenantRoutes } from './routes/tenants/index.ts';
import { verificationRoutes } from './routes/verification/index.ts';
import { pluginRouters } from './plugin-runtime/mount.ts';
import { pluginRoutes } from './routes/plugins/index.ts';
import { createApiServices, type ApiServices, type AppDeps } from './services.ts';

/**
 * Builds the whole API from injected dependencies; the same app runs on Node, on edge runtimes and in tests (which
 * pass the services they also use directly).
 */
export function createApp(deps: AppDeps, services: ApiServices = createApiServices(deps)) {
  const app = createRouter();

  app.onError(onError);
  app.notFound((c) => problemResponse(c, new AppError('not_found')));
  app.use('*', secureHeaders());
  app.use(
    '*',
    createMiddleware<AppEnv>(async (c, next) => {
      c.set('services', services);
      c.set('locale', negotiateLocale(c.req.header('accept-language')));
      c.header('vary', 'Accept-Language');
      await next();
    }),
  );
  // Before the session lookup and everything else that reaches the database.
  app.use('*', pacePublic(deps.publicPace ?? PUBLIC_PACE));
  const tooLarge = (c: Parameters<typeof problemResponse>[0]) => problemResponse(c, new AppError('payload_too_large'));
  const defaultLimit = bodyLimit({ maxSize: 1024 * 1024, onError: tooLarge });
  const fileLimit = bodyLimit({ maxSize: IMPORT_MAX_BYTES, onError: tooLarge });
  // Registry files, the ledger's documents (scanned contracts, audit reports) and the committee's filing papers are
  // the large uploads; everything else stays at 1 MB.
  const largeUpload =
    /\/registry\/imports$|\/ledger\/(?:audit-reports|(?:entries|expenses)\/[^/]+\/documents)$|\/governance\/terms\/current\/documents$/;
  app.use('*', (c, next) => (largeUpload.test(c.req.path) ? fileLimit : defaultLimit)(c, next));
  // Hostile characters and malformed addresses are a 400 before the session lookup and anything else.
  app.use('*', refuseHostileInput);
  app.use('*', sessionMiddleware({ trustedOrigins: deps.trustedOrigins ?? [] }));

  const routes = app
    .route('/', healthRoutes)
    .route('/', authRoutes)
    .route('/', meRoutes)
    .route('/', neighbourhoodRoutes)
    .route('/', regionRoutes)
    .route('/', calendarRoutes)
    .route('/', applicationRoutes)
    .route('/', organisationRoutes)
    .route('/', tenantRoutes)
    .route('/', memberRoutes)
    .route('/', invitationRoutes)
    .route('/', auditRoutes)
    .route('/', notificationRoutes)
    .route('/', noticeRoutes)
    .route('/', feedbackRoutes)
    .route('/', ledgerRoutes)
    .route('/', governanceRoutes)
    .route('/', open311ClientRoutes)
    .route('/', publicRoutes)
    .route('/', registryRoutes)
    .route('/', registryImportRoutes)
    .route('/', verificationRoutes)
    .route('/', pluginRoutes)
    .route('/', supervisionRoutes);
  // Mounted only when an entry hands over the dev inbox (node.ts, never in production): elsewhere the route is not
  // refused but absent, from the router and from the OpenAPI document.
  if (deps.devInbox) app.route('/', devRoutes(deps.devInbox));
  // Open311's own shapes (paths ending .json/.xml, its error format): outside the OpenAPI document, documented in README.
  app.route('/', georeportRoutes as unknown as typeof app);

  for (const plugin of deps.plugins) {
    for (const { prefix, router } of pluginRouters(plugin)) app.route(prefix, router as unknown as typeof app);
  }
  if (deps.backgroundJobs) {
    services.pluginRuntime.dispatcher.start();
    services.notifier.start();
    services.feedbackClock.start();
  }

  mountOpenApi(app);
  return routes;
}

export type AppType = ReturnType<typeof createApp>;
