import type { Locale } from '@city/plugin-sdk/portal';
import { en } from './en.ts';
import { zhCN, type MessageKey } from './zh-CN.ts';

export type { MessageKey };

/** Both languages, for `definePluginPortal`; pages read them through `kit.t`, typed by `MessageKey`. */
export const messages: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };
