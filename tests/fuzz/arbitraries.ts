import fc from 'fast-check';

/** A JSON Schema as the OpenAPI document writes it (3.1: `type` may list `null`). */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

/**
 * Text no request should get past validation with, or that must never reach the database unchecked: NUL, unpaired
 * surrogates, noncharacters and controls (the input guard's), bidi overrides and invisible-only text (names and
 * titles refuse them), and the usual suspects (SQL, markup, traversal, formulas, very long text).
 */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfff',
    '\udc00\ud800',
    '\ufffe',
    '\uffff',
    '\ufdd0',
    '\u{1fffe}',
    '\u001b[31m',
    '\u0007\u0008',
    '\u202e国建陈',
    '\u2066管理员\u2069',
    '\u200f',
    '\u200b',
    '\u200b\u200c\u200d\u2060\ufeff',
    ' \u3000\u00a0 ',
    '\u3164',
    '',
    ' ',
    "'; drop table users; --",
    '<script>alert(1)</script>',
    '../../../etc/passwd',
    '..%2F..%2F',
    '=HYPERLINK("http://evil.example")',
    '\\',
    '%',
    '%00',
    '%E0%A4%A',
    '𝕏🀄️👩‍👩‍👧',
    '9'.repeat(400),
    'x'.repeat(70_000),
  ),
  fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((n) => String.fromCharCode(n)), maxLength: 4 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((n) => String.fromCharCode(n)), maxLength: 4 }),
  fc.string({ unit: 'binary', maxLength: 24 }),
);

/** Numbers past every column's range, and the ones JSON and JavaScript disagree about. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e308, 5e-324, 0.5, -0, 1e21),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** What a request is generated from: the document's schemas, the world's real values, and how hostile to be. */
export interface Source {
  components: Record<string, JsonSchema>;
  /** Real values for names the schemas use (ids of rows made in the world): a request that names them goes deeper. */
  byName: Record<string, string[]>;
  uuids: string[];
  /**
   * Well-formed requests (values of the schema's shape, real ids) reach the handlers; hostile ones also carry junk
   * anywhere (hostile text, numbers past every range, JSON that is not JSON) and test validation and the guard.
   */
  hostile: boolean;
}

/** Values for a schema of the document. Depth is bounded: recursive schemas end in null. */
export function fromSchema(
  schema: JsonSchema | undefined,
  source: Source,
  name = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.constant(null);
  const next = (s: JsonSchema | undefined, n = name) => fromSchema(s, source, n, depth + 1);
  if (schema.$ref) return next(source.components[refName(schema.$ref)]);
  if (schema.anyOf ?? schema.oneOf) return fc.oneof(...(schema.anyOf ?? schema.oneOf)!.map((s) => next(s)));
  if (schema.allOf) return next(mergeAll(schema.allOf, source.components));
  if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((type) => next({ ...schema, type })));
  const shaped = shapedValue(schema, next, source, name);
  return source.hostile ? fc.oneof({ arbitrary: shaped, weight: 4 }, { arbitrary: junkValue, weight: 1 }) : shaped;
}

function shapedValue(
  schema: JsonSchema,
  next: (s: JsonSchema | undefined, name?: string) => fc.Arbitrary<unknown>,
  source: Source,
  name: string,
): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? -1000;
      const max = schema.maximum ?? 1_000_000;
      const inRange = schema.type === 'integer' ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true });
      return source.hostile
        ? fc.oneof({ arbitrary: inRange, weight: 4 }, { arbitrary: hostileNumber, weight: 1 })
        : inRange;
    }
    case 'string':
      return stringValue(schema, source, name);
    case 'array':
      return fc.array(next(schema.items), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, Math.max(schema.minItems ?? 0, 4)),
      });
    case 'object':
    case undefined:
    default: {
      // `{}` admits anything; a map (plugin settings) has keys of its own.
      if (!schema.type && !schema.properties) return fc.jsonValue({ maxDepth: 2 });
      const extra = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : null;
      if (extra && !schema.properties) return fc.dictionary(fc.string({ maxLength: 12 }), next(extra), { maxKeys: 4 });
      const properties = schema.properties ?? {};
      const model = Object.fromEntries(Object.entries(properties).map(([key, s]) => [key, next(s, key)]));
      const required = (schema.required ?? []).filter((key) => key in properties);
      return fc.record(model, { requiredKeys: required });
    }
  }
}

function stringValue(schema: JsonSchema, source: Source, name: string): fc.Arbitrary<string> {
  const known = source.byName[name];
  const shaped =
    schema.format === 'uuid'
      ? fc.oneof(
          { arbitrary: fc.constantFrom(...(known ?? source.uuids)), weight: 4 },
          { arbitrary: fc.uuid(), weight: 1 },
        )
      : schema.format === 'date-time'
        ? fc
            .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
            .map((d) => d.toISOString())
        : schema.format === 'uri'
          ? fc.webUrl()
          : fc.string({
              minLength: schema.minLength ?? 0,
              maxLength: Math.min(schema.maxLength ?? 40, Math.max(schema.minLength ?? 0, 40)),
            });
  const value = known
    ? fc.oneof({ arbitrary: fc.constantFrom(...known), weight: 4 }, { arbitrary: shaped, weight: 1 })
    : shaped;
  return source.hostile ? fc.oneof({ arbitrary: value, weight: 3 }, { arbitrary: hostileString, weight: 1 }) : value;
}

const refName = (ref: string) => ref.replace('#/components/schemas/', '');

function mergeAll(schemas: JsonSchema[], components: Record<string, JsonSchema>): JsonSchema {
  const resolved = schemas.map((s) => (s.$ref ? components[refName(s.$ref)]! : s));
  return {
    type: 'object',
    properties: Object.assign({}, ...resolved.map((s) => s.properties ?? {})) as Record<string, JsonSchema>,
    required: resolved.flatMap((s) => s.required ?? []),
  };
}

/** Any JSON at all, hostile strings and numbers included. */
export const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  hostileString,
  hostileNumber,
  fc.dictionary(hostileString, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
);

/**
 * Bodies as sent: JSON of the schema's shape, and (hostile) junk JSON or text that is not the JSON it claims to be —
 * malformed, numbers past a double, nesting as deep as the body limit allows.
 */
export type RawBody = { json: unknown } | { text: string };

export const rawJsonText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', '{', '{"a":', 'null', '[]', '"\\ud800"', '{"title":"\\u0000"}', '1e999', '-1e999', '{}{}'),
  fc.constantFrom('99999999999999999999999999', '{"seats":1e400,"floor":-1e400}'),
  fc.integer({ min: 1, max: 200_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
  fc.integer({ min: 1, max: 50_000 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
);

export function bodyOf(schema: JsonSchema | undefined, source: Source): fc.Arbitrary<RawBody> {
  const shaped = fromSchema(schema, source).map((json): RawBody => ({ json }));
  if (!source.hostile) return shaped;
  return fc.oneof(
    { arbitrary: shaped, weight: 4 },
    { arbitrary: junkValue.map((json): RawBody => ({ json })), weight: 2 },
    { arbitrary: rawJsonText.map((text): RawBody => ({ text })), weight: 1 },
  );
}

/**
 * A value for the address (a path segment or a query value), as it is written into it: percent-encoded values of
 * the parameter's schema (real ids of the world among them), and (hostile) hostile text and raw text whose encoding
 * does not decode.
 */
export function addressValue(schema: JsonSchema | undefined, source: Source, name: string): fc.Arbitrary<string> {
  const encoded = fromSchema(schema ?? { type: 'string' }, source, name).map((value) =>
    percentEncode(typeof value === 'string' ? value : (JSON.stringify(value) ?? '')),
  );
  if (!source.hostile) return encoded;
  const raw = fc.constantFrom('%E0%A4%A', '%', '%zz', '%C0%AF', '%ED%A0%80', '%FF', '%00', '..', '.');
  return fc.oneof({ arbitrary: encoded, weight: 8 }, { arbitrary: raw, weight: 1 });
}

/**
 * encodeURIComponent, except that an unpaired surrogate (which it refuses) is written as the three bytes a lenient
 * encoder would produce (WTF-8), which no strict decoder accepts.
 */
function percentEncode(text: string): string {
  return Array.from(text, (ch) => {
    const code = ch.codePointAt(0)!;
    if (code < 0xd800 || code > 0xdfff) return encodeURIComponent(ch);
    return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
      .map((byte) => `%${byte.toString(16).toUpperCase()}`)
      .join('');
  }).join('');
}
