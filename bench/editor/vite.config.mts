import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The comparison page for `npm run bench:editor`: the stock <MDEditor> with its built-in live
// preview, built the same way as the renderer (production, relative base, chrome120).
export default defineConfig({
  root: fileURLToPath(new URL('./stock', import.meta.url)),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('./.stock-dist', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 5000,
  },
});
