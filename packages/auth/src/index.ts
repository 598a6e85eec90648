export * from './clock.ts';
export * from './password.ts';
export * from './sessions.ts';
export * from './rate-limit.ts';
export * from './phone-codes.ts';
export * from './sms.ts';
export * from './sms-gate.ts';
export * from './cookies.ts';
export { randomString } from './random.ts';
