import type { Locale, Me } from '@city/contracts';

declare global {
  namespace App {
    interface Locals {
      locale: Locale;
      /** The signed-in person as the API describes them, or null. */
      me: Me | null;
      /** A plugin page's styles, which the `handle` hook puts in the head (#lib/server/dynamic-assets.ts). */
      pageStyles?: string;
    }
    interface PageData {
      locale: Locale;
      me: Me | null;
    }
  }
}

export {};
