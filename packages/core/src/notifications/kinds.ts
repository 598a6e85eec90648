import { CORE_NOTIFICATION_KINDS, type Locale, type NotificationChannel, type NotificationKind } from '@city/contracts';

/**
 * The kinds of notification the platform knows: the core's, and each plugin's (`<plugin id>.<name>`, from its
 * manifest, registered when the app is built). A cause of an unknown kind is refused when it is written.
 */
export class NotificationKinds {
  private readonly kinds = new Map<string, NotificationKind>(Object.entries(CORE_NOTIFICATION_KINDS));

  add(kind: string, info: NotificationKind) {
    this.kinds.set(kind, info);
  }

  get(kind: string): NotificationKind | undefined {
    return this.kinds.get(kind);
  }

  /** Whether the kind reaches people in a neighbourhood that set `overrides` (kind → on/off). */
  isOn(kind: string, overrides: Record<string, boolean>): boolean {
    return overrides[kind] ?? !this.kinds.get(kind)?.off;
  }

  /** The channels besides the inbox when the person has not chosen: urgent kinds are texted. */
  defaultChannels(kind: string): NotificationChannel[] {
    return this.kinds.get(kind)?.urgent ? ['sms'] : [];
  }

  list(locale: Locale) {
    return [...this.kinds].map(([kind, info]) => ({
      kind,
      name: info.name[locale],
      urgent: !!info.urgent,
      off: !!info.off,
      defaults: this.defaultChannels(kind),
    }));
  }
}
