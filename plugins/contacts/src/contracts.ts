import { z } from '@hono/zod-openapi';
import { CATEGORIES } from './categories.ts';

/** Numbers as people write them: mobiles, landlines with area codes and extensions, short service numbers. */
const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+][0-9 ()+-]{1,23}$/, { error: 'invalid_format' });

export const EntryInputSchema = z
  .object({
    category: z.enum(CATEGORIES),
    name: z.string().trim().min(1).max(40),
    phone: Phone,
    hours: z.string().trim().max(40).default(''),
    note: z.string().trim().max(200).default(''),
    position: z.number().int().min(0).max(999).default(0),
  })
  .openapi('ContactsEntryInput');

export const EntrySchema = EntryInputSchema.extend({ id: z.uuid(), updatedAt: z.string() }).openapi('ContactsEntry');

export const DirectorySchema = z
  .object({
    title: z.string(),
    showEmergency: z.boolean(),
    items: z.array(EntrySchema),
  })
  .openapi('ContactsDirectory');

export type EntryInput = z.input<typeof EntryInputSchema>;
