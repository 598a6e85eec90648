import { z } from '@hono/zod-openapi';
import { UserSchema } from './auth.ts';
import { RegionSchema } from './regions.ts';
import { MembershipSchema, ReceivedInvitationSchema } from './tenants.ts';

export const MeSchema = z
  .object({
    user: UserSchema,
    memberships: z.array(MembershipSchema),
    regions: z.array(RegionSchema).openapi({ description: '本人任职的街道/社区' }),
    invitations: z.array(ReceivedInvitationSchema),
    /** Unread items in the person's inbox (the header's badge). */
    unreadNotifications: z.int().min(0),
  })
  .openapi('Me');
export type Me = z.infer<typeof MeSchema>;

export const LocaleUpdateSchema = z.object({ locale: z.enum(['zh-CN', 'en']) }).openapi('LocaleUpdate');
