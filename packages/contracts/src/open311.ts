import { z } from '@hono/zod-openapi';
import { IdSchema, PhoneSchema, TimestampSchema } from './common.ts';
import { displayText } from './text.ts';

/** An Open311 client of a neighbourhood as its admins see it: never its key, which is shown once, when issued. */
export const Open311ClientSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    /** The key's last characters, to tell keys apart. */
    keyHint: z.string(),
    createdAt: TimestampSchema,
    revokedAt: TimestampSchema.nullable(),
  })
  .openapi('Open311Client');
export type Open311Client = z.infer<typeof Open311ClientSchema>;

export const Open311ClientInputSchema = z
  .object({ name: displayText(60, { required: 'name_required', tooLong: 'name_too_long' }) })
  .openapi('Open311ClientInput');

export const IssuedOpen311ClientSchema = Open311ClientSchema.extend({
  /** The API key, shown this once: only its hash is kept. */
  apiKey: z.string(),
}).openapi('IssuedOpen311Client');

export const Open311ClientsSchema = z
  .object({
    items: z.array(Open311ClientSchema),
    /** Where this neighbourhood's GeoReport v2 endpoints are (`…/services.json`, `…/requests.xml`). */
    endpoint: z.string(),
  })
  .openapi('Open311Clients');

/** A form field a client may leave out or send empty (`lat=&long=`): both mean not given. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/**
 * POST requests as GeoReport v2 defines it (form-encoded), as this platform takes it: a description is required (a
 * report is its text), up to 2,000 characters as in the portal; the place is a building (address_id, or the service
 * definition's place attribute) or a spot described (address_string, or lat/long); a mainland mobile number if any.
 * api_key and service_code are checked before this, for the specification's 400/403/404.
 */
export const Open311RequestFormSchema = z.object({
  description: z
    .string({ error: 'body_required' })
    .trim()
    .min(1, { error: 'body_required' })
    .max(2000, { error: 'too_big' }),
  lat: optional(z.coerce.number().min(-90).max(90)),
  long: optional(z.coerce.number().min(-180).max(180)),
  address_string: optional(z.string().trim().max(200, { error: 'too_big' })),
  address_id: optional(IdSchema),
  'attribute[place]': optional(z.string().max(40)),
  first_name: optional(z.string().trim().max(20, { error: 'too_big' })),
  last_name: optional(z.string().trim().max(20, { error: 'too_big' })),
  phone: optional(PhoneSchema),
  media_url: optional(z.url({ protocol: /^https?$/ }).max(500, { error: 'too_big' })),
});

/** GET requests' filters (service_request_id, service_code, start_date, end_date, status). */
export const Open311QuerySchema = z.object({
  service_request_id: optional(z.string().max(2000)),
  service_code: optional(z.string().max(40)),
  start_date: optional(z.coerce.date()),
  end_date: optional(z.coerce.date()),
  status: optional(z.string().max(20)),
});
