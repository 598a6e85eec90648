import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { chunkModules } from './chunk-modules.ts';
import { dynamicAssets } from './dynamic-assets.ts';

// SvelteKit 3 takes its configuration here (svelte.config.js is no longer read).
export default defineConfig({
  plugins: [
    sveltekit({
      adapter: adapter({ out: 'build' }),
      // A page's stylesheets (the shared ones ~14 KB, ~5 KB gzipped, a page's own a few hundred bytes each) come
      // inside its HTML rather than as three or four files the phone must fetch before it draws anything. A
      // stylesheet above this size stays a cached file.
      inlineStyleThreshold: 32 * 1024,
      // Every page's Content-Security-Policy (README.md). SvelteKit adds a fresh nonce per page to script-src
      // and style-src for the scripts and styles it writes inline; everything else comes from the portal itself.
      csp: {
        mode: 'auto',
        directives: {
          'default-src': ['self'],
          'script-src': ['self'],
          'style-src': ['self'],
          // Style attributes cannot carry a nonce, and some hold computed values (a turnout bar's width), so no hash
          // list can name them; SvelteKit's own markup has them too (app.html's wrapper, the route announcer). An
          // attribute styles only its element and loads only what img-src allows; <style> elements stay nonce-only.
          'style-src-attr': ['unsafe-inline'],
          // data: for app.html's empty favicon.
          'img-src': ['self', 'data:'],
          'font-src': ['self'],
          'connect-src': ['self'],
          'object-src': ['none'],
          'base-uri': ['none'],
          'form-action': ['self'],
          'frame-ancestors': ['none'],
        },
      },
    }),
    chunkModules(),
    dynamicAssets(),
  ],
  server: {
    // `npm run dev`: the API runs separately (apps/api, port 8787); the browser reaches it through this proxy.
    proxy: { '/api': 'http://127.0.0.1:8787' },
  },
});
