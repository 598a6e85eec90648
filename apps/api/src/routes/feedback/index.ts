import { createRouter } from '../../lib/router.ts';
import * as business from './feedback.business.ts';
import * as reports from './feedback.reports.ts';
import * as photos from './feedback.photos.ts';
import * as posters from './feedback.posters.ts';
import * as setup from './feedback.setup.ts';

export const feedbackRoutes = createRouter()
  .openapi(reports.listRoute, reports.listHandler)
  .openapi(reports.createRoute, reports.createHandler)
  .openapi(reports.assignManyRoute, reports.assignManyHandler)
  .openapi(reports.getRoute, reports.getHandler)
  .openapi(reports.actRoute, reports.actHandler)
  .openapi(photos.addPhotoRoute, photos.addPhotoHandler)
  .openapi(photos.photoRoute, photos.photoHandler)
  .openapi(posters.postersRoute, posters.postersHandler)
  .openapi(setup.placesRoute, setup.placesHandler)
  .openapi(setup.settingsRoute, setup.settingsHandler)
  .openapi(setup.saveSettingsRoute, setup.saveSettingsHandler)
  .openapi(setup.unitsRoute, setup.unitsHandler)
  .openapi(setup.addUnitRoute, setup.addUnitHandler)
  .openapi(setup.updateUnitRoute, setup.updateUnitHandler)
  .openapi(business.businessListRoute, business.businessListHandler)
  .openapi(business.businessGetRoute, business.businessGetHandler)
  .openapi(business.businessActRoute, business.businessActHandler)
  .openapi(business.businessPhotoRoute, business.businessPhotoHandler)
  .openapi(business.businessAddPhotoRoute, business.businessAddPhotoHandler);
