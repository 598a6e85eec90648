import type { Locale, Me } from '@city/contracts';
import type { Dictionary } from '#lib/i18n/index.ts';

declare global {
  namespace App {
    interface Locals {
      locale: Locale;
      /** The signed-in person as the API describes them, or null. */
      me: Me | null;
    }
    interface PageData {
      locale: Locale;
      me: Me | null;
      /** The reader’s dictionary, from the root layout’s universal load (server loads cannot see it). */
      messages?: Dictionary;
    }
  }
}

export {};
