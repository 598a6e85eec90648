import { z } from '@hono/zod-openapi';

/**
 * A mark a plugin shows next to a person's name, because the person chose to show it (亮身份): the plugin that set it
 * and its label in both languages. Pages show it wherever they show the name.
 */
export const ProfileBadgeSchema = z
  .object({ plugin: z.string(), label: z.object({ 'zh-CN': z.string(), en: z.string() }) })
  .openapi('ProfileBadge');

export type ProfileBadge = z.infer<typeof ProfileBadgeSchema>;
