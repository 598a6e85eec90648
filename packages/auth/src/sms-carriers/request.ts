import { SmsDeliveryError } from '../sms.ts';

/** A person waits on the answer: fail in seconds rather than a minute. */
const TIMEOUT_MS = 10_000;

const reason = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  // Node's fetch says only "fetch failed"; what failed (ECONNREFUSED, a certificate) is in the cause.
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
};

/**
 * POSTs a signed request to a carrier and reads its JSON answer. Not reaching the carrier, not hearing back in time or
 * an answer that is not JSON is SmsDeliveryError `request_failed`: the carrier's own refusals come as JSON.
 */
export async function postToCarrier(
  carrier: string,
  url: URL,
  init: { headers: Record<string, string>; body?: string },
  timeoutMs = TIMEOUT_MS,
): Promise<unknown> {
  try {
    const response = await fetch(url, { method: 'POST', ...init, signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new Error(`HTTP ${response.status}, not JSON: ${text.slice(0, 200)}`);
    }
  } catch (error) {
    throw new SmsDeliveryError(carrier, 'request_failed', reason(error));
  }
}
