export { Inbox } from './inbox.ts';
export { NotificationKinds } from './kinds.ts';
export { Notifier, type Narrow } from './notifier.ts';
export { NotificationOutbox, type NotificationCause } from './outbox.ts';
export { deliverableAt, digestAt, isQuiet } from './quiet-hours.ts';
export {
  DevWechatSender,
  NoWechatSender,
  WechatError,
  WechatSubscribeSender,
  type WechatMessage,
  type WechatSender,
} from './wechat.ts';
export { notificationSettings, saveNotificationSettings } from './settings.ts';
export { deliveryFailures } from './failures.ts';
