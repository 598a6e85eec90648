import { createRouter } from '../../lib/router.ts';
import * as sms from './dev.sms.ts';

export const devRoutes = createRouter().openapi(sms.route, sms.handler);
