import { createRouter } from '../../lib/router.ts';
import * as correct from './notices.correct.ts';
import * as create from './notices.create.ts';
import * as get from './notices.get.ts';
import * as manage from './notices.manage.ts';
import * as publish from './notices.publish.ts';
import * as readable from './notices.readable.ts';
import * as update from './notices.update.ts';
import * as withdraw from './notices.withdraw.ts';

// `manage` is registered before `{noticeId}` so the static segment wins.
export const noticeRoutes = createRouter()
  .openapi(readable.route, readable.handler)
  .openapi(manage.route, manage.handler)
  .openapi(get.route, get.handler)
  .openapi(create.route, create.handler)
  .openapi(update.route, update.handler)
  .openapi(publish.route, publish.handler)
  .openapi(withdraw.route, withdraw.handler)
  .openapi(correct.route, correct.handler);
