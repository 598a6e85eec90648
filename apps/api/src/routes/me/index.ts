import { createRouter } from '../../lib/router.ts';
import * as deletion from './me.delete.ts';
import * as deletionCode from './me.deletion-code.ts';
import * as accept from './me.invitations.accept.ts';
import * as me from './me.get.ts';
import * as locale from './me.locale.ts';
import * as notificationSettings from './me.notification-settings.ts';
import * as notifications from './me.notifications.list.ts';
import * as readAll from './me.notifications.read-all.ts';
import * as stream from './me.notifications.stream.ts';
import * as read from './me.notifications.read.ts';
import * as personalData from './me.personal-data.ts';
import * as todo from './me.todo.ts';
import * as wechat from './me.wechat.ts';

export const meRoutes = createRouter()
  .openapi(me.route, me.handler)
  .openapi(locale.route, locale.handler)
  .openapi(accept.route, accept.handler)
  .openapi(personalData.route, personalData.handler)
  .openapi(deletionCode.route, deletionCode.handler)
  .openapi(deletion.route, deletion.handler)
  .openapi(todo.route, todo.handler)
  .openapi(notifications.route, notifications.handler)
  .openapi(stream.route, stream.handler)
  .openapi(readAll.route, readAll.handler)
  .openapi(read.route, read.handler)
  .openapi(notificationSettings.getRoute, notificationSettings.getHandler)
  .openapi(notificationSettings.putRoute, notificationSettings.putHandler)
  .openapi(wechat.putRoute, wechat.putHandler)
  .openapi(wechat.deleteRoute, wechat.deleteHandler);
