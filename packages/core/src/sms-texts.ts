import type { Locale } from '@city/contracts';
import { maskPhone } from '@city/contracts';
import { SmsDeliveryError, type SmsGate, type SmsMessage } from '@city/auth';
import { AppError } from './errors.ts';

/**
 * Texts a person through the send limits (packages/auth: SMS_SEND_LIMITS), or — with no message — counts a text
 * that is not sent, so an answer that must not say whether one went out uses up the limits the same way.
 * Over a limit: 429; the carrier failing: 503, logged with the carrier's code (the number masked).
 */
export async function sendText(gate: SmsGate, phone: string, message: SmsMessage | null, locale: Locale) {
  try {
    const decision = message ? await gate.send(phone, message, locale) : await gate.admit(phone);
    if (!decision.allowed) throw new AppError('rate_limited', { retryAfter: decision.retryAfter });
  } catch (error) {
    if (!(error instanceof SmsDeliveryError)) throw error;
    console.error(`[sms] ${message?.kind ?? 'text'} to ${maskPhone(phone)} not sent: ${error.message}`);
    throw new AppError('sms_unavailable');
  }
}
