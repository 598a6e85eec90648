import type { z } from '@hono/zod-openapi';
import type { DirectorySchema } from '../contracts.ts';

export type Directory = z.infer<typeof DirectorySchema>;
export type Entry = Directory['items'][number];
export interface DirectoryData {
  directory: Directory;
}
