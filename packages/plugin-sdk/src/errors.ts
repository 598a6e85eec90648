import { ERROR_CATALOGUE, type ErrorCode } from '@city/contracts';
import type { LocalizedString } from './manifest.ts';
import type { Scope } from './scopes.ts';

/** A plugin used a capability its neighbourhood did not grant it. The API answers 403 `scope_not_granted`. */
export class ScopeNotGranted extends Error {
  override name = 'ScopeNotGranted';
  readonly scope: Scope;

  constructor(pluginId: string, scope: Scope) {
    super(`plugin ${pluginId} was not granted ${scope}`);
    this.scope = scope;
  }
}

/** What the caller can act on, and 503: what this server cannot do now (e.g. photos where no image library runs). */
export type PluginErrorStatus = 400 | 403 | 404 | 409 | 422 | 503;

/**
 * An error a plugin's route answers with: the API turns it into problem+json in the caller's language, like the
 * core's own errors. Build them with `definePluginErrors` (the plugin's own codes) or `coreError` (the core's).
 */
export class PluginError extends Error {
  override name = 'PluginError';
  readonly status: PluginErrorStatus;
  readonly code: string;
  readonly title: LocalizedString;
  readonly detail: LocalizedString | undefined;
  /** See `onRecord`. */
  kept = false;

  constructor(status: PluginErrorStatus, code: string, title: LocalizedString, detail?: LocalizedString) {
    super(`${code}: ${title.en}`);
    this.status = status;
    this.code = code;
    this.title = title;
    this.detail = detail;
  }
}

type Catalogue = Record<string, { status: PluginErrorStatus } & LocalizedString>;

/**
 * A refusal that is itself on the record: what the request wrote before refusing is committed (e.g. a count of
 * refused attempts), where any other error rolls the request back. Write before refusing: a statement that fails in
 * the database has already spoilt the transaction.
 */
export function onRecord(error: PluginError): PluginError {
  error.kept = true;
  return error;
}

/** Whether an error a route ended with undoes the request's writes (all do, but a refusal on the record). */
export const rollsBack = (error: unknown) => !(error instanceof PluginError && error.kept);

/**
 * A plugin's error catalogue: codes are namespaced by the plugin (`<pluginId>.<code>`), titles come in both languages.
 * `const fail = definePluginErrors('voting', { closed: { status: 409, 'zh-CN': '投票已结束', en: 'Voting has closed' } })`
 * then `throw fail('closed')`.
 */
export function definePluginErrors<const C extends Catalogue>(pluginId: string, catalogue: C) {
  return (code: keyof C & string, detail?: LocalizedString) => {
    const entry = catalogue[code]!;
    return new PluginError(entry.status, `${pluginId}.${code}`, { 'zh-CN': entry['zh-CN'], en: entry.en }, detail);
  };
}

/** One of the core's errors (e.g. `not_found`, `forbidden`), thrown from plugin code. */
export function coreError(
  code: ErrorCode & ('not_found' | 'forbidden' | 'conflict' | 'validation_failed'),
  detail?: LocalizedString,
) {
  const entry = ERROR_CATALOGUE[code];
  return new PluginError(entry.status as PluginErrorStatus, code, { 'zh-CN': entry['zh-CN'], en: entry.en }, detail);
}
