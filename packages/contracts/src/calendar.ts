import { z } from '@hono/zod-openapi';
import { TimestampSchema } from './common.ts';

export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date_format' })
  .refine(
    (value) => {
      const day = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
    },
    { error: 'date_format' },
  )
  .openapi({ example: '2026-10-01' });

export const CalendarYearParamsSchema = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2004)
    .max(2100)
    .openapi({ param: { name: 'year', in: 'path' }, example: 2027 }),
});

/** Where a year's working days come from. */
export const CALENDAR_SOURCES = ['operator', 'package', 'statutory'] as const;
export type CalendarSource = (typeof CALENDAR_SOURCES)[number];

export const CalendarYearSchema = z
  .object({
    year: z.int(),
    /** `operator`: a notice loaded here; `package`: the maintained data package; `statutory`: not published yet. */
    source: z.enum(CALENDAR_SOURCES),
    /** Days off besides weekends (statutory holidays included). */
    holidays: z.array(IsoDateSchema),
    /** Weekend days made working days (调休上班). */
    workdays: z.array(IsoDateSchema),
    /** The statutory holidays of 全国年节及纪念日放假办法, never working days. */
    statutory: z.array(IsoDateSchema),
    /** The versions operators loaded, newest first. */
    history: z.array(
      z.object({
        holidays: z.array(IsoDateSchema),
        workdays: z.array(IsoDateSchema),
        note: z.string(),
        changedBy: z.string().nullable(),
        changedAt: TimestampSchema,
      }),
    ),
  })
  .openapi('CalendarYear');

export const CalendarNoticeInputSchema = z
  .object({
    holidays: z.array(IsoDateSchema).max(60),
    workdays: z.array(IsoDateSchema).max(30),
    note: z.string().trim().min(1, { error: 'required' }).max(500),
  })
  .openapi('CalendarNoticeInput');
export type CalendarNoticeInput = z.infer<typeof CalendarNoticeInputSchema>;
