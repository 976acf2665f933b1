import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The renderer is built once and served by both doors: Electron loads dist/renderer/index.html
// from disk, the browser mode serves the same files over HTTP. Hence the relative base.
/**
 * theme-boot.js is a classic script that blocks the parser until it has been fetched and run: it
 * goes after the module script and its preloads, so the browser fetches those at the same time
 * (module scripts run after parsing whatever their place, so nothing runs in another order).
 */
function bootScriptLast(): Plugin {
  return {
    name: 'recap-boot-script-last',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const tag = /\s*<script src="\.\/theme-boot\.js"><\/script>/;
        const found = tag.exec(html);
        if (!found) throw new Error('index.html: the theme-boot.js script tag is missing');
        return html.replace(tag, '').replace('</head>', `${found[0]}\n  </head>`);
      },
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react(), bootScriptLast()],
  resolve: {
    alias: [
      {
        // Only the chosen language's words at first paint: the message module's Chinese
        // catalogue is an empty stand-in here; ui/locale.ts loads the real one as its own chunk.
        find: /^\.\/zh-CN$/,
        replacement: fileURLToPath(new URL('./ui/zh-CN-later.ts', import.meta.url)),
      },
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
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything the first paint runs in one chunk: left alone, Rolldown splits the modules
          // the lazy chunks share with it (the catalogue, React's JSX runtime, the errors) into
          // four more files, and seven requests at start-up (with the stylesheet and
          // theme-boot.js) exceed Chromium's six connections a host: theme-boot.js, which sends
          // the start-up's first API calls, waited for a free connection.
          //
          // The editor's session (workspace/editorSession.tsx) and the workspace share the recap's
          // document, file actions and photo hooks: one chunk for those, not four small ones. The
          // front matter's cut, the byline's date and the author names they share too: in that
          // chunk, not three more files (271 bytes to 18 kB) requested beside it when a recap opens.
          groups: [
            { name: 'index', tags: ['$initial'] },
            {
              name: 'editorSession',
              test: /\/renderer\/(?:workspace|photos)\/|\/electron\/core\/(?:markdown|frontmatter\/(?:values|split|json|parse-errors)|recap\/site-day)|\/renderer\/(?:preview\/byline|ui\/author-names)\./,
              minShareCount: 2,
            },
          ],
        },
      },
    },
  },
});
