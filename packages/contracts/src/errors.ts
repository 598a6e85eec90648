import { z } from '@hono/zod-openapi';

export const FieldErrorSchema = z.object({
  path: z.string().openapi({ example: 'phone' }),
  message: z.string(),
  code: z.string(),
});

/** RFC 9457 problem details, with our `code` and field `errors`. */
export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: '/problems/validation_failed' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.string(),
    instance: z.string().optional(),
    errors: z.array(FieldErrorSchema).optional(),
    retryAfter: z.number().int().optional(),
  })
  .openapi('Problem');
export type Problem = z.infer<typeof ProblemSchema>;
