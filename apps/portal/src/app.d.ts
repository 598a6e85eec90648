import type { Locale, Me } from '@city/contracts';

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
    }
  }
}

export {};
