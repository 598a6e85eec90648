import type { Locale, SmsPurpose } from '@city/contracts';
import {
  type PhoneCodes,
  type RateLimiter,
  type SessionStore,
  SIGN_IN_LIMITS,
  SMS_LIMITS,
  SmsGate,
  type IssuedSession,
  type PasswordHasher,
  type SmsMessage,
  type SmsSender,
} from '@city/auth';
import { isUniqueViolation, schema, type Database } from '@city/db';
import { eq } from 'drizzle-orm';
import { AppError } from './errors.ts';
import { sendText } from './sms-texts.ts';

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

/** The limits on asking for a code, whatever it is for: per number and per address (SMS_LIMITS), one budget. */
export async function limitCodeRequests(limiter: RateLimiter, phone: string, ip: string) {
  for (const [key, limit] of [
    [`sms:phone:${phone}`, SMS_LIMITS.perPhone],
    [`sms:ip:${ip}`, SMS_LIMITS.perIp],
  ] as const) {
    const decision = await limiter.consume(key, limit);
    if (!decision.allowed) throw new AppError('rate_limited', { retryAfter: decision.retryAfter });
  }
}

/** Sign-up, sign-in and password reset with a mobile number confirmed by a one-time code. */
export class Accounts {
  private readonly deps: Deps;
  private readonly sms: SmsGate;
  /** A real hash to verify against when the number is unknown, so timing does not reveal registered numbers. */
  private decoyHash: Promise<string> | undefined;

  constructor(deps: Deps) {
    this.deps = deps;
    this.sms = new SmsGate(deps.sms, deps.limiter);
  }

  /**
   * Answers the same whether the number is registered or not (status, body, pacing and limits), so the answer
   * cannot be used to find out who has an account: a registered number asking to sign up is texted that it already
   * has one instead of a code; a password reset for an unknown number texts nothing.
   */
  async sendCode(phone: string, purpose: Extract<SmsPurpose, 'sign-up' | 'password-reset'>, meta: RequestMeta) {
    await limitCodeRequests(this.deps.limiter, phone, meta.ip);
    const existing = await this.findUser(phone);
    // Issued for a registered number too, unsent, so that asking again within the minute is refused alike.
    const issued = await this.deps.codes.issue(phone, purpose);
    if (!issued.ok) throw new AppError('rate_limited', { retryAfter: issued.retryAfter });
    const code: SmsMessage = { kind: 'code', code: issued.code };
    const message: SmsMessage | null =
      purpose === 'sign-up' ? (existing ? { kind: 'account-exists' } : code) : existing ? code : null;
    // The account's own language for a text about the account; the asker's for a code they are about to type.
    await sendText(this.sms, phone, message, message?.kind === 'account-exists' ? existing!.locale : meta.locale);
    return { expiresAt: issued.expiresAt, resendAfterSeconds: 60 };
  }

  async signUp(
    input: { phone: string; code: string; password: string; displayName: string },
    meta: RequestMeta,
  ): Promise<IssuedSession> {
    // The code first: only the number's holder learns it is taken (their code was never sent if it was).
    if (!(await this.deps.codes.verify(input.phone, 'sign-up', input.code))) throw new AppError('code_invalid');
    if (await this.findUser(input.phone)) throw new AppError('phone_taken');
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

  /** Limits in packages/auth (SIGN_IN_LIMITS): a guesser locks out only their own address, never the owner. */
  async signIn(input: { phone: string; password: string }, meta: RequestMeta): Promise<IssuedSession> {
    const { limiter } = this.deps;
    const pairKey = `sign-in:pair:${input.phone}:${meta.ip}`;
    const addressKey = `sign-in:ip:${meta.ip}`;
    const phoneKey = `sign-in:phone:${input.phone}`;
    // Counted before the (slow) password check, so parallel guesses cannot slip past the limits.
    const pair = await this.limit(pairKey, SIGN_IN_LIMITS.perPhoneAndAddress);
    await this.limit(addressKey, SIGN_IN_LIMITS.perAddress);
    // Past the number's ceiling only an address that has not tried it in this window may (where its owner is).
    if (pair.count > 1) {
      const failures = await limiter.peek(phoneKey, SIGN_IN_LIMITS.perPhone);
      if (!failures.allowed) throw new AppError('rate_limited', { retryAfter: failures.retryAfter });
    }
    const user = await this.findUser(input.phone);
    const hash = user?.passwordHash ?? (await this.decoy());
    const valid = await this.deps.passwords.verify(hash, input.password);
    if (!user || !valid) {
      await limiter.consume(phoneKey, SIGN_IN_LIMITS.perPhone);
      throw new AppError('invalid_credentials');
    }
    // A success clears this address's failures at this number and does not count against the address; the count at
    // the number (others' failures) stays.
    await limiter.reset(pairKey);
    await limiter.release(addressKey, SIGN_IN_LIMITS.perAddress);
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
    return decision;
  }

  private decoy(): Promise<string> {
    this.decoyHash ??= this.deps.passwords.hash(crypto.randomUUID());
    return this.decoyHash;
  }
}
