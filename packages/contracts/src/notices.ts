import { z } from '@hono/zod-openapi';
import { IdSchema, TimestampSchema } from './common.ts';
import { displayText } from './text.ts';
import {
  NOTICE_AUDIENCES,
  NOTICE_CATEGORIES,
  NOTICE_STATES,
  type NoticeAudience,
  type NoticeCategory,
} from './values/notices.ts';

export const NoticeAttachmentSchema = z.object({
  name: displayText(100),
  url: z.url({ protocol: /^https?$/, error: 'url_invalid' }).max(2000),
});

const noticeFields = {
  category: z.enum(NOTICE_CATEGORIES),
  title: displayText(120, { required: 'title_required' }),
  body: z
    .string({ error: 'body_required' })
    .trim()
    .min(1, { error: 'body_required' })
    .max(20_000, { error: 'too_big' }),
  attachments: z.array(NoticeAttachmentSchema).max(10).default([]),
  audience: z.enum(NOTICE_AUDIENCES),
  buildingId: IdSchema.nullable().default(null),
  pinned: z.boolean().default(false),
  publishAt: TimestampSchema.nullable()
    .default(null)
    .openapi({ description: '留空则发布即生效 / empty: from publication' }),
  expiresAt: TimestampSchema.nullable()
    .default(null)
    .openapi({ description: '公示必填：公示期截止 / required for 公示' }),
};

type Checked = {
  category: NoticeCategory;
  audience: NoticeAudience;
  buildingId: string | null;
  publishAt: string | null;
  expiresAt: string | null;
};

/** Rules that span fields: a 公示 has a disclosure period; a building audience names the building. */
function checkNotice(value: Checked, ctx: z.RefinementCtx) {
  if (value.category === 'disclosure' && !value.expiresAt) {
    ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'disclosure_period_required' });
  }
  if ((value.audience === 'building') !== (value.buildingId !== null)) {
    ctx.addIssue({ code: 'custom', path: ['buildingId'], message: 'building_required' });
  }
  if (value.publishAt && value.expiresAt && Date.parse(value.expiresAt) <= Date.parse(value.publishAt)) {
    ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'window_order' });
  }
}

export const NoticeInputSchema = z.object(noticeFields).superRefine(checkNotice).openapi('NoticeInput');
export type NoticeInput = z.infer<typeof NoticeInputSchema>;

export const NoticeSchema = z
  .object({
    id: IdSchema,
    category: z.enum(NOTICE_CATEGORIES),
    title: z.string(),
    body: z.string(),
    attachments: z.array(NoticeAttachmentSchema),
    audience: z.enum(NOTICE_AUDIENCES),
    buildingId: IdSchema.nullable(),
    pinned: z.boolean(),
    status: z.enum(['draft', 'published', 'withdrawn']),
    state: z.enum(NOTICE_STATES),
    publishAt: TimestampSchema.nullable(),
    expiresAt: TimestampSchema.nullable(),
    publishedAt: TimestampSchema.nullable(),
    correctsId: IdSchema.nullable(),
    correctedById: IdSchema.nullable(),
    source: z.string(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  })
  .openapi('Notice');
export type Notice = z.infer<typeof NoticeSchema>;

export const NoticeListQuerySchema = z.object({
  category: z.enum(NOTICE_CATEGORIES).optional(),
});
