import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/precompress-plugin.ts';

/**
 * Vendor code in a few long-lived chunks, so a release that changes only Tend's own code leaves the
 * browser's cached copies valid; charts (recharts, d3) get a chunk of their own that only the pages
 * drawing a chart fetch. Higher priority wins when a module matches two groups.
 */
const mantine =
  /node_modules[\\/](?:@mantine[\\/](?:core|hooks)|@floating-ui|react-number-format|clsx|react-remove-scroll|react-remove-scroll-bar|react-style-singleton|react-textarea-autosize|use-callback-ref|use-sidecar|use-isomorphic-layout-effect|use-composed-ref|use-latest|get-nonce|detect-node-es|tslib|type-fest)[\\/]/;
const vendorChunks = [
  {
    name: 'react',
    test: /node_modules[\\/](?:react|react-dom|react-router|scheduler|cookie)[\\/]/,
    priority: 40,
  },
  // Mantine components the first screen draws; the rest come with the first page that uses them.
  { name: 'mantine', test: mantine, tags: ['$initial' as const], priority: 30 },
  {
    name: 'mantine-pages',
    test: mantine,
    priority: 25,
    entriesAware: true,
    entriesAwareMergeThreshold: 16 * 1024,
  },
  { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/, priority: 20 },
  {
    name: 'charts',
    test: /node_modules[\\/](?:@mantine[\\/]charts|recharts|d3-[^\\/]+|victory-vendor|internmap|decimal\.js-light|es-toolkit|eventemitter3|immer|reselect|redux|@reduxjs|react-redux|use-sync-external-store|tiny-invariant)[\\/]/,
    priority: 10,
  },
];

export default defineConfig({
  root: 'web',
  plugins: [react(), precompress()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorChunks },
        // Chunks shared by several pages are named after all of them; the group's name is enough.
        chunkFileNames: ({ name }) => `assets/${name.split('~')[0]}-[hash].js`,
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
