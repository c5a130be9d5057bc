// Builds the interface into dist/renderer/. The output must run under the host's and Electron's strict
// Content-Security-Policy (script-src 'self'; style-src 'self'): no inline scripts or styles anywhere,
// so the module-preload polyfill (an inline script) is off and CSS is always a separate file.
// Paths are relative to the project root, where npm scripts run (`vite build --config renderer/vite.config.ts`);
// renderer/ may not import node:*, so the config does not compute them from its own location.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    cssCodeSplit: false,
    // No data: URLs for fonts or scripts; every asset is a file served from 'self'.
    assetsInlineLimit: 0,
    sourcemap: false,
    target: 'es2022',
  },
});
