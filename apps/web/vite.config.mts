// The web application: built into dist/apps/web (part of `npm run build`) and
// served by the API at / (same origin). `npm run web:dev`
// runs a development server with hot reload that forwards API routes to the API
// started by `npm start` (or DONDOC_API_URL).
import react from '@vitejs/plugin-react-swc';
import path from 'node:path';
import { defineConfig } from 'vite';

const root = path.dirname(new URL(import.meta.url).pathname);
const api = process.env.DONDOC_API_URL ?? 'http://localhost:3000';
/** First path segments the API answers; everything else is a page of this app. */
const apiRoutes = ['auth', 'tasks', 'reports', 'links', 'l', 'link-session', 'agencies', 'plans', 'guidance', 'deliveries', 'audit', 'stats', 'users', 'metrics', 'health', 'docs', 'webhooks'];

export default defineConfig({
  root,
  plugins: [react()],
  resolve: { alias: { '@dondoc/domain': path.join(root, '..', '..', 'libs', 'domain', 'src', 'index.ts') } },
  build: {
    outDir: path.join(root, '..', '..', 'dist', 'apps', 'web'),
    emptyOutDir: true,
    // antd is large; one vendor chunk keeps the officer's pages cacheable between visits.
    chunkSizeWarningLimit: 2048,
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(apiRoutes.map((route) => [`^/${route}(/|$|\\?)`, { target: api, changeOrigin: false }])),
  },
});
