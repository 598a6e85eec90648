import { z } from '@hono/zod-openapi';
import { displayText } from './text.ts';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from './values/paging.ts';

/** Mainland China mobile number: 11 digits starting 13–19. Spaces and dashes typed by people are removed. */
export const PhoneSchema = z
  .string({ error: 'required' })
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^1[3-9]\d{9}$/, { error: 'phone_invalid' }))
  .openapi({ example: '13800138000', description: '中国大陆手机号' });

export const PasswordSchema = z
  .string({ error: 'required' })
  .min(8, { error: 'password_too_short' })
  .max(128, { error: 'password_too_long' });

export const SmsCodeSchema = z
  .string({ error: 'required' })
  .trim()
  .regex(/^\d{6}$/, { error: 'code_format' })
  .openapi({ example: '123456' });

export const IdSchema = z.uuid({ error: 'id_invalid' }).openapi({ example: '0193b7a0-5e2c-7c3e-9b1a-3f4d5e6f7a8b' });

export const SlugSchema = z
  .string({ error: 'required' })
  .regex(/^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$/, { error: 'slug_format' })
  .openapi({ example: 'jinse-jiayuan' });

export const NameSchema = displayText(60, { required: 'name_required', tooLong: 'name_too_long' });

export const ReasonSchema = z.string({ error: 'reason_required' }).trim().min(2, { error: 'reason_required' }).max(500);

export const TimestampSchema = z.iso.datetime({ offset: true }).openapi({ example: '2026-11-25T08:00:00.000Z' });

/**
 * Cursor pagination (docs/architecture.md §4): the cursor is opaque to clients, and one that is not ours is refused
 * (400 at `query.cursor`, by the decoder in @city/core/pagination); a page holds at most `PAGE_SIZE_MAX` items.
 */
export const PageQuerySchema = z.object({
  cursor: z.string().optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(PAGE_SIZE_MAX, { error: 'page_size_max' })
    .default(PAGE_SIZE_DEFAULT)
    .openapi({ description: `每页条数，最多${PAGE_SIZE_MAX} / Items per page, at most ${PAGE_SIZE_MAX}` }),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
