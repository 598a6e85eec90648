import { z } from '@hono/zod-openapi';
import { definePlugin } from '@city/plugin-sdk';
import { PAGES } from './pages.ts';

/** 便民电话簿: the numbers every neighbourhood pins by its gate, kept current by the admin and editors it names. */
export const contactsManifest = definePlugin({
  id: 'contacts',
  version: '1.0.0',
  name: { 'zh-CN': '便民电话簿', en: 'Useful numbers' },
  description: {
    'zh-CN': '物业服务中心、居委会、派出所、维修与水电气等常用电话，居民在手机上一点即拨。',
    en: 'The property office, residents’ committee, police, repairs and utilities: numbers residents can call with one tap.',
  },
  icon: 'phone',
  category: 'community',
  publisher: '城市生活网',
  coreRange: '^1.0.0',
  scopes: ['audit:write'],
  settings: z.object({
    title: z.string().trim().min(1).max(20).default('便民电话'),
    showEmergency: z.boolean().default(true),
  }),
  settingsText: {
    title: {
      label: { 'zh-CN': '页面标题', en: 'Page title' },
      hint: { 'zh-CN': '居民看到的标题，最多20字', en: 'The title residents see, up to 20 characters' },
    },
    showEmergency: {
      label: { 'zh-CN': '显示紧急电话', en: 'Show emergency numbers' },
      hint: { 'zh-CN': '在页首列出110、119、120、122', en: 'List 110, 119, 120 and 122 at the top' },
    },
  },
  roles: [
    {
      id: 'editor',
      name: { 'zh-CN': '电话簿维护员', en: 'Directory editor' },
      description: { 'zh-CN': '可添加、修改和删除电话', en: 'May add, change and remove numbers' },
    },
  ],
  navigation: [
    { path: PAGES.directory, label: { 'zh-CN': '便民电话', en: 'Useful numbers' } },
    {
      path: PAGES.manage,
      label: { 'zh-CN': '维护电话簿', en: 'Edit the directory' },
      icon: 'book-open',
      roles: ['admin', 'editor'],
    },
  ],
  // The audit trail's words for each action this plugin records.
  audit: {
    entry_added: {
      label: { 'zh-CN': '添加条目', en: 'Entry added' },
      sentence: {
        'zh-CN': '{actor} 在 {plugin} 添加了条目「{name}」',
        en: '{actor} added the entry “{name}” to {plugin}',
      },
    },
    entry_changed: {
      label: { 'zh-CN': '修改条目', en: 'Entry changed' },
      sentence: {
        'zh-CN': '{actor} 在 {plugin} 修改了条目「{name}」',
        en: '{actor} changed the entry “{name}” in {plugin}',
      },
    },
    entry_removed: {
      label: { 'zh-CN': '删除条目', en: 'Entry removed' },
      sentence: {
        'zh-CN': '{actor} 从 {plugin} 删除了条目「{name}」',
        en: '{actor} removed the entry “{name}” from {plugin}',
      },
    },
  },
});
