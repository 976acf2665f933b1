// The start-up floor shared by bench:drafts and bench:editor: "an empty page of the same shell".
// A copy of the built renderer whose index.html keeps the head (CSP, stylesheets) but loads no
// application JavaScript; its body holds one field (the home screen's search box, or a textarea
// for the editor), so that "interactive" means the same thing as in the app: a field on screen
// that takes a key. Served by the same server.

import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

export const SEARCH_BOX = '<main class="home" data-testid="home"><input type="search" class="home-search" data-testid="home-search" aria-label="Search drafts" /></main>';
/** Cards the home screen draws on its first page (HomeScreen's CARDS_PER_PAGE). */
export const FIRST_PAGE_CARDS = 48;
export const TEXTAREA = '<main class="editor-pane"><textarea class="w-md-editor-text-input" aria-label="Markdown"></textarea></main>';

/** Makes the shell copy of dist/renderer in a temp folder; returns its path. */
export async function makeShell(rendererDir, rootHtml = SEARCH_BOX) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-bench-shell-'));
  await fs.cp(rendererDir, dir, { recursive: true });
  const file = path.join(dir, 'index.html');
  const html = await fs.readFile(file, 'utf8');
  const shell = html
    .replace(/<script\b[^>]*>\s*<\/script>/g, '')
    .replace(/<link rel="modulepreload"[^>]*>/g, '')
    .replace(/<div id="root"><\/div>/, `<div id="root">${rootHtml}</div>`);
  if (shell === html || /<script/.test(shell)) throw new Error('bench: the built index.html does not have the expected shape for the empty shell');
  await fs.writeFile(file, shell);
  return dir;
}

/**
 * Bundles a page module that imports React and ReactDOM (production, minified, as Vite would) into
 * `file`; a stylesheet it imports goes beside it (`file` with `.css`).
 */
async function bundleReact(contents, file, plugins = []) {
  const { build } = await import('esbuild');
  await build({
    // React from this checkout's node_modules, whichever build's folder the floor copies.
    stdin: { contents, resolveDir: REPO, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'chrome120',
    define: { 'process.env.NODE_ENV': '"production"' },
    outfile: file,
    plugins,
    logLevel: 'warning',
  });
}

/**
 * A second, clearly labelled floor (never replacing the shell): the same shell whose page loads
 * React and ReactDOM alone (production, minified, one module built by esbuild as Vite would) and
 * renders the same one field. What it costs over the shell is Chromium's parse, compile and run
 * of React itself, which any React page pays; what ours costs over it is our code and data.
 */
export async function makeReactFloor(rendererDir, rootHtml = SEARCH_BOX) {
  const dir = await makeShell(rendererDir, '');
  const field = rootHtml.includes('textarea')
    ? "createElement('main', { className: 'editor-pane' }, createElement('textarea', { className: 'w-md-editor-text-input', 'aria-label': 'Markdown' }))"
    : "createElement('main', { className: 'home', 'data-testid': 'home' }, createElement('input', { type: 'search', className: 'home-search', 'data-testid': 'home-search', 'aria-label': 'Search drafts' }))";
  // Named like the build's chunks (`<name>-<8-character hash>.js`), so the server lets the
  // browser keep it as it keeps ours (warm loads compare alike).
  const contents = `import { createElement } from 'react';\nimport { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root')).render(${field});\n`;
  await bundleReact(contents, path.join(dir, 'assets', 'react-floor-00000000.js'));
  const file = path.join(dir, 'index.html');
  const html = await fs.readFile(file, 'utf8');
  await fs.writeFile(file, html.replace('</head>', '  <script type="module" crossorigin src="./assets/react-floor-00000000.js"></script>\n  </head>'));
  return dir;
}

// The third floor's page (bundled with React by makeDataFloor): it takes the start-up's first
// answer from theme-boot.js's early request (the same request body our api/early.ts accepts), or
// asks the same server the same way, and renders it as plain elements: the home screen's first
// screen of cards, or the recap's body in the editor's textarea. Nothing else of ours runs.
const ASK_PAGE = `
const url = new URL(location.href);
const token = url.searchParams.get('token');
const ask = (method, req) => {
  const body = JSON.stringify(req);
  const early = window.__recapEarly?.[method];
  const response = early && early.body === body ? early.response : fetch('/api/' + method, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Recap-Token': token }, body, cache: 'no-store' });
  if (early) delete window.__recapEarly[method];
  return response.then((r) => r.json()).then((e) => { if (!e.ok) throw new Error(method + ': ' + e.error.message); return e.value; });
};
const root = createRoot(document.getElementById('root'));
const file = url.searchParams.get('file');
const bodyOf = (text) => text.replace(/^\\uFEFF?---\\r?\\n[\\s\\S]*?\\r?\\n---\\r?\\n/, '');
`;
const DATA_PAGE = `
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
${ASK_PAGE}
const card = (d) => h('li', { key: d.id, className: 'draft-card', 'data-testid': 'draft-card' },
  h('button', { type: 'button', className: 'draft-open' },
    h('span', { className: 'draft-cover' }, d.coverThumb ? h('img', { src: d.coverThumb, alt: '', loading: 'lazy', decoding: 'async' }) : null),
    h('span', { className: 'draft-text' }, h('span', { className: 'draft-title' }, d.title), h('span', { className: 'draft-meta' }, (d.eventDate ?? '') + ' · ' + d.photoCount + ' photos'))));
if (file) {
  ask('openRecap', { path: file }).then((r) => {
    root.render(h('main', { className: 'editor-pane' }, h('h1', null, r.draft.title), h('textarea', { className: 'w-md-editor-text-input', 'aria-label': 'Markdown', defaultValue: bodyOf(r.text) })));
  });
} else {
  ask('homeData', {}).then((d) => {
    // The cards the window shows, as ours draws first (DraftList's screenful), in ours' boxes.
    const screenful = Math.max(1, Math.floor((innerWidth + 16) / 256)) * Math.max(1, Math.ceil(innerHeight / 240));
    const head = h('div', { className: 'home-head' }, h('input', { type: 'search', className: 'home-search', 'data-testid': 'home-search', 'aria-label': 'Search drafts' }));
    root.render(h('main', { className: 'home', 'data-testid': 'home' }, h('section', { className: 'home-main' }, head, h('ul', { className: 'draft-grid' }, d.drafts.slice(0, Math.min(screenful, ${FIRST_PAGE_CARDS})).map(card)))));
  });
}
`;

/**
 * The third floor, "React + data" (printed beside the other two, never in the shell's place): the
 * built page with its own module script swapped for one that loads React and ReactDOM, takes the
 * first screen's data through the same server (the recap's text, or the home screen's list,
 * asked for early by the build's own theme-boot.js) and renders it as plain elements. The page's
 * scripts stand where ours stand (the same tag and attributes, the same place in <head>, the
 * same preloads, theme-boot.js kept), so what ours costs over it is our own work.
 */
export async function makeDataFloor(rendererDir) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-bench-data-'));
  await fs.cp(rendererDir, dir, { recursive: true });
  const file = path.join(dir, 'index.html');
  const html = await fs.readFile(file, 'utf8');
  const main = /(<script type="module"[^>]*\bsrc=")\.\/assets\/[^"]+\.js(")/;
  if (!main.test(html) || !html.includes('theme-boot.js')) throw new Error('bench: the built index.html does not have the expected shape for the React + data floor');
  // Our lazy chunks' preloads, if any, stay: the floor's page keeps the same requests in flight.
  await fs.writeFile(file, html.replace(main, '$1./assets/react-data-00000000.js$2'));
  await bundleReact(DATA_PAGE, path.join(dir, 'assets', 'react-data-00000000.js'));
  return dir;
}

// The fourth floor's page (bundled by makeEditorFloor): the React + data page, but the recap's
// body goes into the editor component the product is required to use, `@uiw/react-md-editor`'s
// `<MDEditor preview="edit">` (its own textarea, toolbar and default commands, its stylesheet
// loaded as the app loads its editor chunk's),
// with the options ours gives it (the text alone, filling the pane, no drag bar, no scroll of its
// own, no fullscreen). Nothing of ours: what ours costs over it is our own work.
const EDITOR_PAGE = `
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import MDEditor from '@uiw/react-md-editor/nohighlight';
${ASK_PAGE}
function Editor({ title, body }) {
  const [value, setValue] = useState(body);
  return h('main', { className: 'editor-pane', style: { height: '100vh' } }, h('h1', null, title),
    h(MDEditor, { value, onChange: (v) => setValue(v ?? ''), preview: 'edit', height: '100%', visibleDragbar: false, enableScroll: false, overflow: false }));
}
// The component's stylesheet, asked for as the module starts and waited for before the editor
// renders, as the app's build loads a lazy chunk's CSS (a <link> appended to <head>).
const sheet = new Promise((resolve) => {
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: new URL('./editor-floor-00000000.css', import.meta.url).href });
  link.onload = link.onerror = resolve;
  document.head.append(link);
});
Promise.all([ask('openRecap', { path: file }), sheet]).then(([r]) => root.render(h(Editor, { title: r.draft.title, body: bodyOf(r.text) })));
`;

/**
 * The component's built-in Markdown preview, never rendered with preview="edit": left out of the
 * bundle as the app's build leaves it out (renderer/vite.config.mts), so that the floor does not
 * compile a Markdown stack that neither page shows.
 */
const NO_BUILT_IN_PREVIEW = {
  name: 'no-built-in-preview',
  setup(b) {
    b.onResolve({ filter: /^@uiw\/react-markdown-preview\/nohighlight$/ }, () => ({ path: 'preview', namespace: 'no-built-in-preview' }));
    b.onLoad({ filter: /.*/, namespace: 'no-built-in-preview' }, () => ({
      contents: "import { forwardRef } from 'react';\nexport default forwardRef(function NoPreview() { return null; });\n",
      resolveDir: REPO,
      loader: 'js',
    }));
  },
};

/**
 * The fourth floor, "the chosen editor component" (printed beside the others, never in the
 * shell's place): the React + data floor's page (same scripts' place, theme-boot.js's early
 * request, same server) rendering the recap's body in `<MDEditor preview="edit">` with its
 * stylesheet (asked for by the page's module, after the page's own). What ours costs over it is ours alone:
 * the workspace, its form, panels and session, not the editor component.
 */
export async function makeEditorFloor(rendererDir) {
  const dir = await makeDataFloor(rendererDir);
  await fs.rm(path.join(dir, 'assets', 'react-data-00000000.js'));
  const file = path.join(dir, 'index.html');
  const html = await fs.readFile(file, 'utf8');
  const main = /(<script type="module"[^>]*\bsrc=")\.\/assets\/react-data-00000000\.js(")/;
  if (!main.test(html)) throw new Error('bench: the React + data floor\'s index.html does not have the expected shape for the editor floor');
  await bundleReact(EDITOR_PAGE, path.join(dir, 'assets', 'editor-floor-00000000.js'), [NO_BUILT_IN_PREVIEW]);
  if (!existsSync(path.join(dir, 'assets', 'editor-floor-00000000.css'))) throw new Error('bench: the editor component\'s stylesheet was not bundled');
  await fs.writeFile(file, html.replace(main, '$1./assets/editor-floor-00000000.js$2'));
  return dir;
}
