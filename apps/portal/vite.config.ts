import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { chunkModules } from './chunk-modules.ts';

// SvelteKit 3 takes its configuration here (svelte.config.js is no longer read).
export default defineConfig({
  plugins: [sveltekit({ adapter: adapter({ out: 'build' }) }), chunkModules()],
  server: {
    // `npm run dev`: the API runs separately (apps/api, port 8787); the browser reaches it through this proxy.
    proxy: { '/api': 'http://127.0.0.1:8787' },
  },
});
