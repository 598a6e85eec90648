import { createRouter } from '../../lib/router.ts';
import * as feedback from './public.feedback.ts';
import * as feedbackPdf from './public.feedback-pdf.ts';
import * as feedbackPhone from './public.feedback-phone.ts';
import * as feedbackTrack from './public.feedback-track.ts';
import * as notices from './public.notices.ts';
import * as noticesPdf from './public.notices-pdf.ts';
import * as plugin from './public.plugin.ts';

export const publicRoutes = createRouter()
  .openapi(notices.route, notices.handler)
  .openapi(noticesPdf.route, noticesPdf.handler)
  .openapi(plugin.route, plugin.handler)
  .openapi(feedback.route, feedback.handler)
  .openapi(feedbackPdf.route, feedbackPdf.handler)
  .openapi(feedbackPhone.formRoute, feedbackPhone.formHandler)
  .openapi(feedbackPhone.codeRoute, feedbackPhone.codeHandler)
  .openapi(feedbackPhone.reportRoute, feedbackPhone.reportHandler)
  .openapi(feedbackTrack.getRoute, feedbackTrack.getHandler)
  .openapi(feedbackTrack.rateRoute, feedbackTrack.rateHandler)
  .openapi(feedbackTrack.addPhotoRoute, feedbackTrack.addPhotoHandler)
  .openapi(feedbackTrack.photoRoute, feedbackTrack.photoHandler);
