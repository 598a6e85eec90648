import type { Locale } from '@city/contracts';
import { SMS_SEND_LIMITS, type RateDecision, type RateLimiter } from './rate-limit.ts';
import type { SmsMessage, SmsSender } from './sms.ts';

/**
 * Every text passes here: the send limits (per number, then in all), then the sender. The limiter may run in the
 * caller's transaction (an invitation is texted inside its own): the one row every text counts on is then written
 * only after the carrier has answered, so no transaction holds it while another text waits; texts in flight when
 * the ceiling is reached may pass it by as many.
 */
export class SmsGate {
  private readonly sender: SmsSender;
  private readonly limiter: RateLimiter;

  constructor(sender: SmsSender, limiter: RateLimiter) {
    this.sender = sender;
    this.limiter = limiter;
  }

  /**
   * Counts a text to `phone` against the limits without sending it: for answers that must not reveal whether a
   * text went out (a password reset for an unknown number), so the limits run out the same way either way.
   */
  admit(phone: string): Promise<RateDecision> {
    return this.pass(phone, async () => undefined);
  }

  /** Sends within the limits; a refusal comes back as the decision, a carrier's failure as SmsDeliveryError. */
  send(phone: string, message: SmsMessage, locale: Locale): Promise<RateDecision> {
    return this.pass(phone, () => this.sender.send(phone, message, locale));
  }

  private async pass(phone: string, deliver: () => Promise<void>): Promise<RateDecision> {
    // One number flooded must not use up everyone's budget: the total counts only what the number was allowed.
    const number = await this.limiter.consume(`sms-sent:number:${phone}`, SMS_SEND_LIMITS.perNumber);
    if (!number.allowed) return number;
    const all = await this.limiter.peek(ALL, SMS_SEND_LIMITS.all);
    if (!all.allowed) return all;
    await deliver();
    const counted = await this.limiter.consume(ALL, SMS_SEND_LIMITS.all);
    return { ...counted, allowed: true };
  }
}

const ALL = 'sms-sent:all';
