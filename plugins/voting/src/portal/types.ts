import type { z } from '@hono/zod-openapi';
import type { TopicListSchema } from '../contracts.ts';

export type TopicList = z.infer<typeof TopicListSchema>;
