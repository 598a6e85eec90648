import { z } from '@hono/zod-openapi';
import { TimestampSchema } from './common.ts';

/** Something that needs the person: a vote to cast, a verification to follow up, an order in progress. */
export const TodoItemSchema = z
  .object({
    /** `core.verification_pending`, `voting.vote`, … */
    kind: z.string(),
    title: z.string(),
    /** The part of the title people typed (a meeting's title, a home's address), for the portal to mark as theirs. */
    named: z.string().optional(),
    body: z.string(),
    /** The page where it is done. */
    link: z.string(),
    /** The button's words: 去投票, 查看订单 … */
    action: z.string(),
    /** When it stops mattering (a vote's close); null when it has no deadline. */
    due: TimestampSchema.nullable(),
    /** Needs doing (a vote) rather than keeping an eye on (an order on its way). */
    urgent: z.boolean(),
    neighbourhood: z.object({ slug: z.string(), name: z.string() }),
  })
  .openapi('TodoItem');
export type TodoItem = z.infer<typeof TodoItemSchema>;

export const TodoListSchema = z.object({ items: z.array(TodoItemSchema) }).openapi('TodoList');

export const NeighbourhoodSearchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1, { error: 'required' })
    .max(40)
    .openapi({ description: '小区名称的一部分 / Part of the neighbourhood’s name' }),
});

export const NeighbourhoodFoundSchema = z
  .object({ slug: z.string(), name: z.string(), address: z.string() })
  .openapi('NeighbourhoodFound');
export const NeighbourhoodSearchSchema = z
  .object({ items: z.array(NeighbourhoodFoundSchema) })
  .openapi('NeighbourhoodSearch');
