import { createRouter } from '../../lib/router.ts';
import * as notices from './public.notices.ts';

export const publicRoutes = createRouter().openapi(notices.route, notices.handler);
