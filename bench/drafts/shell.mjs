// The start-up floor shared by bench:drafts and bench:editor: "an empty page of the same shell".
// A copy of the built renderer whose index.html keeps the head (CSP, stylesheets) but loads no
// application JavaScript; its body holds one field (the home screen's search box, or a textarea
// for the editor), so that "interactive" means the same thing as in the app: a field on screen
// that takes a key. Served by the same server.

import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const SEARCH_BOX = '<main class="home" data-testid="home"><input type="search" class="home-search" data-testid="home-search" aria-label="Search drafts" /></main>';
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
 * A second, clearly labelled floor (never replacing the shell): the same shell whose page loads
 * React and ReactDOM alone (production, minified, one module built by esbuild as Vite would) and
 * renders the same one field. What it costs over the shell is Chromium's parse, compile and run
 * of React itself, which any React page pays; what ours costs over it is our code and data.
 */
export async function makeReactFloor(rendererDir, rootHtml = SEARCH_BOX) {
  const dir = await makeShell(rendererDir, '');
  const { build } = await import('esbuild');
  const field = rootHtml.includes('textarea')
    ? "createElement('main', { className: 'editor-pane' }, createElement('textarea', { className: 'w-md-editor-text-input', 'aria-label': 'Markdown' }))"
    : "createElement('main', { className: 'home', 'data-testid': 'home' }, createElement('input', { type: 'search', className: 'home-search', 'data-testid': 'home-search', 'aria-label': 'Search drafts' }))";
  await build({
    stdin: { contents: `import { createElement } from 'react';\nimport { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root')).render(${field});\n`, resolveDir: path.dirname(rendererDir), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'chrome120',
    define: { 'process.env.NODE_ENV': '"production"' },
    // Named like the build's chunks (`<name>-<8-character hash>.js`), so the server lets the
    // browser keep it as it keeps ours (warm loads compare alike).
    outfile: path.join(dir, 'assets', 'react-floor-00000000.js'),
    logLevel: 'warning',
  });
  const file = path.join(dir, 'index.html');
  const html = await fs.readFile(file, 'utf8');
  await fs.writeFile(file, html.replace('</head>', '  <script type="module" crossorigin src="./assets/react-floor-00000000.js"></script>\n  </head>'));
  return dir;
}
