import { defineEnvVars } from '@sveltejs/kit/env';

export const variables = defineEnvVars({
  API_ORIGIN: {
    description: 'Where the portal server reaches the API (the combined server sets it to its own loopback address).',
    schema: (value) => value || 'http://127.0.0.1:8787',
  },
  PUBLIC_URL: {
    description: "The portal's public address, as the API reads it; an https:// address turns on HSTS.",
    schema: (value) => value || undefined,
  },
});
