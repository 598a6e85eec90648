import { createRouter } from '../../lib/router.ts';
import * as audit from './supervision.audit.ts';
import * as feedback from './supervision.feedback.ts';
import * as members from './supervision.members.ts';
import * as neighbourhoods from './supervision.neighbourhoods.ts';
import * as plugins from './supervision.plugins.ts';

export const supervisionRoutes = createRouter()
  .openapi(neighbourhoods.route, neighbourhoods.handler)
  .openapi(members.route, members.handler)
  .openapi(audit.route, audit.handler)
  .openapi(plugins.route, plugins.handler)
  .openapi(feedback.overdueRoute, feedback.overdueHandler)
  .openapi(feedback.reportRoute, feedback.reportHandler)
  .openapi(feedback.photoRoute, feedback.photoHandler)
  .openapi(feedback.metricsRoute, feedback.metricsHandler)
  .openapi(feedback.metricsExportRoute, feedback.metricsExportHandler);
