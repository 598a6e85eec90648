import { z } from '@hono/zod-openapi';
import { NameSchema, PasswordSchema, PhoneSchema, SmsCodeSchema, TimestampSchema, IdSchema } from './common.ts';
import { LOCALES } from './values/enums.ts';

export const PhoneCodeRequestSchema = z
  .object({ phone: PhoneSchema, purpose: z.enum(['sign-up', 'password-reset']) })
  .openapi('PhoneCodeRequest');

export const PhoneCodeSentSchema = z
  .object({ expiresAt: TimestampSchema, resendAfterSeconds: z.number().int() })
  .openapi('PhoneCodeSent');

export const SignUpSchema = z
  .object({ phone: PhoneSchema, code: SmsCodeSchema, password: PasswordSchema, displayName: NameSchema })
  .openapi('SignUp');

export const SignInSchema = z
  .object({ phone: PhoneSchema, password: z.string({ error: 'required' }).min(1, { error: 'required' }).max(128) })
  .openapi('SignIn');

export const PasswordResetSchema = z
  .object({ phone: PhoneSchema, code: SmsCodeSchema, password: PasswordSchema })
  .openapi('PasswordReset');

export const UserSchema = z
  .object({
    id: IdSchema,
    phone: z.string(),
    displayName: z.string(),
    locale: z.enum(LOCALES),
    isPlatformOperator: z.boolean(),
  })
  .openapi('User');
export type User = z.infer<typeof UserSchema>;

/** The token is returned once; API clients send it as `Authorization: Bearer <token>`. */
export const SessionIssuedSchema = z
  .object({ token: z.string(), expiresAt: TimestampSchema, user: UserSchema })
  .openapi('SessionIssued');

export const SessionSchema = z
  .object({
    id: z.string(),
    createdAt: TimestampSchema,
    lastVerifiedAt: TimestampSchema,
    expiresAt: TimestampSchema,
    userAgent: z.string().nullable(),
    current: z.boolean(),
  })
  .openapi('Session');
