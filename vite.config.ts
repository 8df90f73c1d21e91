/* eslint-disable @typescript-eslint/no-unsafe-call --
   ESLint type-checks root files in its default project, whose node10 resolution cannot see these
   exports-only packages; `tsc -p test` checks this file with the real Bundler resolution. */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The tray window's renderer. Loaded from file:// by Electron, hence relative asset URLs; the CSP
// forbids inline scripts and styles, so nothing may be inlined into index.html.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    // Vite's preload polyfill and small-asset inlining would both put code or data into the HTML.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    reportCompressedSize: true,
    // One chunk on purpose: the window loads it from disk at once, and splitting only adds requests.
    // The production bundle is ~300 kB; this limit is a budget that warns if it grows past 400 kB.
    chunkSizeWarningLimit: 400,
  },
});
