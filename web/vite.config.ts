import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = path.dirname(fileURLToPath(import.meta.url));

// The web app lives in web/; it builds to web/dist, which the Fastify server serves in production.
// In development `npm run dev:web` proxies /api to the server on port 3000 (keeping the Host header,
// so the server's Origin check sees a same-site request).
export default defineConfig({
  root: here,
  plugins: [react()],
  build: {
    outDir: path.join(here, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.QT_API_URL ?? 'http://localhost:3000' } },
  },
});
