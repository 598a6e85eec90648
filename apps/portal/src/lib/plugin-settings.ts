import type { Locale } from '@city/contracts';

/** One setting of a plugin as the admin's form shows it, derived from the settings' JSON Schema and labels. */
export interface SettingField {
  key: string;
  kind: 'text' | 'number' | 'boolean' | 'select';
  label: string;
  hint: string | undefined;
  options: { value: string; label: string }[];
  min: number | undefined;
  max: number | undefined;
  /** The current value, as the form shows it. */
  value: string;
  checked: boolean;
}

interface PropertySchema {
  type?: string;
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
}
type SettingsSchema = { properties?: Record<string, PropertySchema> };
type SettingsText = Record<string, { label: Record<Locale, string>; hint?: Record<Locale, string> | undefined }>;

const kindOf = (p: PropertySchema): SettingField['kind'] =>
  p.enum
    ? 'select'
    : p.type === 'boolean'
      ? 'boolean'
      : p.type === 'number' || p.type === 'integer'
        ? 'number'
        : 'text';

export function settingFields(
  schema: Record<string, unknown>,
  text: SettingsText,
  values: Record<string, unknown>,
  locale: Locale,
): SettingField[] {
  return Object.entries((schema as SettingsSchema).properties ?? {}).map(([key, p]) => {
    const current = values[key] ?? p.default;
    return {
      key,
      kind: kindOf(p),
      label: text[key]?.label[locale] ?? key,
      hint: text[key]?.hint?.[locale],
      options: (p.enum ?? []).map((v) => ({ value: String(v), label: String(v) })),
      min: p.minimum ?? p.minLength,
      max: p.maximum ?? p.maxLength,
      value: current === undefined || current === null ? '' : String(current),
      checked: current === true,
    };
  });
}

/**
 * The settings a submitted form holds, typed by the schema: an unticked box is false; a number field that is not a
 * number is passed on as typed, so the API's validation names the field in the visitor's language.
 */
export function settingsFromForm(schema: Record<string, unknown>, form: FormData): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries((schema as SettingsSchema).properties ?? {}).map(([key, p]) => {
      const raw = String(form.get(`setting.${key}`) ?? '').trim();
      const kind = kindOf(p);
      if (kind === 'boolean') return [key, form.get(`setting.${key}`) === 'on'];
      if (kind === 'number') return [key, raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw];
      return [key, raw];
    }),
  );
}
