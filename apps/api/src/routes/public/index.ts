import { createRouter } from '../../lib/router.ts';
import * as notices from './public.notices.ts';
import * as noticesPdf from './public.notices-pdf.ts';
import * as plugin from './public.plugin.ts';

export const publicRoutes = createRouter()
  .openapi(notices.route, notices.handler)
  .openapi(noticesPdf.route, noticesPdf.handler)
  .openapi(plugin.route, plugin.handler);
