import { createRouter } from '../../lib/router.ts';
import * as audit from './supervision.audit.ts';
import * as departmentFeedback from './supervision.department-feedback.ts';
import * as departments from './supervision.departments.ts';
import * as feedback from './supervision.feedback.ts';
import * as members from './supervision.members.ts';
import * as neighbourhoods from './supervision.neighbourhoods.ts';
import * as plugins from './supervision.plugins.ts';
import * as region from './supervision.region.ts';

export const supervisionRoutes = createRouter()
  .openapi(neighbourhoods.route, neighbourhoods.handler)
  .openapi(members.route, members.handler)
  .openapi(audit.route, audit.handler)
  .openapi(audit.facetsRoute, audit.facetsHandler)
  .openapi(plugins.route, plugins.handler)
  .openapi(region.route, region.handler)
  .openapi(feedback.overdueRoute, feedback.overdueHandler)
  .openapi(feedback.reportRoute, feedback.reportHandler)
  .openapi(feedback.photoRoute, feedback.photoHandler)
  .openapi(feedback.metricsRoute, feedback.metricsHandler)
  .openapi(feedback.metricsExportRoute, feedback.metricsExportHandler)
  .openapi(departments.mineRoute, departments.mineHandler)
  .openapi(departments.listRoute, departments.listHandler)
  .openapi(departments.addRoute, departments.addHandler)
  .openapi(departments.updateRoute, departments.updateHandler)
  .openapi(departmentFeedback.queueRoute, departmentFeedback.queueHandler)
  .openapi(departmentFeedback.getRoute, departmentFeedback.getHandler)
  .openapi(departmentFeedback.actRoute, departmentFeedback.actHandler)
  .openapi(departmentFeedback.photoRoute, departmentFeedback.photoHandler)
  .openapi(departmentFeedback.addPhotoRoute, departmentFeedback.addPhotoHandler);
