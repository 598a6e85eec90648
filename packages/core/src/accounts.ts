import type { Locale, SmsPurpose } from '@city/contracts';
import {
  type PhoneCodes,
  type RateLimiter,
  type SessionStore,
  SIGN_IN_LIMITS,
  SMS_LIMITS,
  type IssuedSession,
  type PasswordHasher,
  type SmsSender,
} from '@city/auth';
import { isUniqueViolation, schema, type Database } from '@city/db';
import { eq } from 'drizzle-orm';
import { AppError } from './errors.ts';
import { smsTexts } from './sms-texts.ts';

export interface RequestMeta {
  ip: string;
  userAgent: string | null;
  locale: Locale;
}

interface Deps {
  db: Database;
  passwords: PasswordHasher;
  sessions: SessionStore;
  codes: PhoneCodes;
  limiter: RateLimiter;
  sms: SmsSender;
}

/** Sign-up, sign-in and password reset with a mobile number confirmed by a one-time code. */
export class Accounts {
  private readonly deps: Deps;
  /** A real hash to verify against when the number is unknown, so timing does not reveal registered numbers. */
  private decoyHash: Promise<string> | undefined;

  constructor(deps: Deps) {
    this.deps = deps;
  }

  async sendCode(phone: string, purpose: Extract<SmsPurpose, 'sign-up' | 'password-reset'>, meta: RequestMeta) {
    await this.limit(`sms:phone:${phone}`, SMS_LIMITS.perPhone);
    await this.limit(`sms:ip:${meta.ip}`, SMS_LIMITS.perIp);
    const existing = await this.findUser(phone);
    if (purpose === 'sign-up' && existing) throw new AppError('phone_taken');
    const issued = await this.deps.codes.issue(phone, purpose);
    if (!issued.ok) throw new AppError('rate_limited', { retryAfter: issued.retryAfter });
    // Password reset for an unknown number answers the same as for a known one, without sending anything.
    if (purpose === 'sign-up' || existing) await this.deps.sms.send(phone, smsTexts.code(meta.locale, issued.code));
    return { expiresAt: issued.expiresAt, resendAfterSeconds: 60 };
  }

  async signUp(
    input: { phone: string; code: string; password: string; displayName: string },
    meta: RequestMeta,
  ): Promise<IssuedSession> {
    if (await this.findUser(input.phone)) throw new AppError('phone_taken');
    if (!(await this.deps.codes.verify(input.phone, 'sign-up', input.code))) throw new AppError('code_invalid');
    const passwordHash = await this.deps.passwords.hash(input.password);
    try {
      const [user] = await this.deps.db
        .insert(schema.users)
        .values({ phone: input.phone, displayName: input.displayName, passwordHash, locale: meta.locale })
        .returning({ id: schema.users.id });
      return await this.deps.sessions.create(user!.id, meta.userAgent);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('phone_taken');
      throw error;
    }
  }

  async signIn(input: { phone: string; password: string }, meta: RequestMeta): Promise<IssuedSession> {
    await this.limit(`sign-in:phone:${input.phone}`, SIGN_IN_LIMITS.perPhone);
    await this.limit(`sign-in:ip:${meta.ip}`, SIGN_IN_LIMITS.perIp);
    const user = await this.findUser(input.phone);
    const hash = user?.passwordHash ?? (await this.decoy());
    const valid = await this.deps.passwords.verify(hash, input.password);
    if (!user || !valid) throw new AppError('invalid_credentials');
    return this.deps.sessions.create(user.id, meta.userAgent);
  }

  /** Sets a new password after the number is confirmed, and signs out every other session. */
  async resetPassword(input: { phone: string; code: string; password: string }, meta: RequestMeta) {
    const user = await this.findUser(input.phone);
    if (!user || !(await this.deps.codes.verify(input.phone, 'password-reset', input.code))) {
      throw new AppError('code_invalid');
    }
    const passwordHash = await this.deps.passwords.hash(input.password);
    await this.deps.db.update(schema.users).set({ passwordHash }).where(eq(schema.users.id, user.id));
    await this.deps.sessions.revokeAll(user.id);
    return this.deps.sessions.create(user.id, meta.userAgent);
  }

  async setLocale(userId: string, locale: Locale) {
    await this.deps.db.update(schema.users).set({ locale }).where(eq(schema.users.id, userId));
  }

  private async findUser(phone: string) {
    const [user] = await this.deps.db.select().from(schema.users).where(eq(schema.users.phone, phone));
    return user;
  }

  private async limit(key: string, limit: { max: number; windowMs: number }) {
    const decision = await this.deps.limiter.consume(key, limit);
    if (!decision.allowed) throw new AppError('rate_limited', { retryAfter: decision.retryAfter });
  }

  private decoy(): Promise<string> {
    this.decoyHash ??= this.deps.passwords.hash(crypto.randomUUID());
    return this.decoyHash;
  }
}
