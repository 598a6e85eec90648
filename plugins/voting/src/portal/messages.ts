/** The plugin's words; the portal shows them in the visitor's language. */
export const messages = {
  'zh-CN': { 'topics.title': '议事', 'topics.empty': '还没有议题。', 'topics.supports': '{count} 人附议', 'topics.replies': '{count} 条回复' },
  en: { 'topics.title': 'Topics', 'topics.empty': 'No topics yet.', 'topics.supports': '{count} supporters', 'topics.replies': '{count} replies' },
} as const;
