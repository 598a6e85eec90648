import type { PageKit, PluginPageProps } from '@city/plugin-sdk/portal';
import type { z } from '@hono/zod-openapi';
import type { DirectorySchema } from '../contracts.ts';
import type { MessageKey } from './messages/index.ts';

export type Directory = z.infer<typeof DirectorySchema>;
export type Entry = Directory['items'][number];
export interface DirectoryData {
  directory: Directory;
}

/** A page's props and its kit, knowing the plugin's message keys: a misspelt `kit.t('…')` fails the type check. */
export type PageProps<Data> = PluginPageProps<Data, MessageKey>;
export type Kit = PageKit<MessageKey>;
