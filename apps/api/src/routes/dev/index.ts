import type { DevSmsSender } from '@city/auth';
import { createRouter } from '../../lib/router.ts';
import * as sms from './dev.sms.ts';

export const devRoutes = (inbox: DevSmsSender) => createRouter().openapi(sms.route, sms.handler(inbox));
