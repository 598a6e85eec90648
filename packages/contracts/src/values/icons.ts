/**
 * The icons apps, plugins and their pages may name: Lucide's names (lucide.dev), drawn as SVG by `@city/ui`'s Icon,
 * so they look the same on every phone (emoji render as empty boxes where a phone lacks the font). A plugin's
 * manifest is refused with a name not listed here; adding one means adding it to the Icon's map too.
 */
export const APP_ICONS = [
  'bell',
  'book-open',
  'building',
  'calendar-check',
  'clipboard-list',
  'file-text',
  'file-up',
  'flag',
  'flask-conical',
  'hand-coins',
  'handshake',
  'heart-handshake',
  'house',
  'landmark',
  'mail',
  'megaphone',
  'menu',
  'message-square-warning',
  'messages-square',
  'phone',
  'puzzle',
  'receipt',
  'scale',
  'scroll-text',
  'settings',
  'shield-check',
  'shopping-bag',
  'store',
  'user-check',
  'users',
  'vote',
  'wallet',
  'wrench',
  'x',
] as const;
export type AppIcon = (typeof APP_ICONS)[number];

export function isAppIcon(value: string): value is AppIcon {
  return (APP_ICONS as readonly string[]).includes(value);
}
