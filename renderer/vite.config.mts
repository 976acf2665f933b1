import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The renderer is built once and served by both doors: Electron loads dist/renderer/index.html
// from disk, the browser mode serves the same files over HTTP. Hence the relative base.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  resolve: {
    alias: [
      {
        // The Markdown editor bundles its own preview (react-markdown, remark, rehype). We
        // never show it (preview="edit", our lazy-loaded preview pane renders the body), so a
        // stub keeps ~100 KB gzipped of dead code out of the first paint.
        find: /^@uiw\/react-markdown-preview\/nohighlight$/,
        replacement: fileURLToPath(new URL('./workspace/MarkdownPreviewStub.tsx', import.meta.url)),
      },
    ],
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 2000,
  },
});
