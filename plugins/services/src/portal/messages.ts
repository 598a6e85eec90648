export const messages = {
  'zh-CN': { heading: '生活服务', empty: '还没有内容。' },
  en: { heading: 'Local services', empty: 'Nothing here yet.' },
} as const;
