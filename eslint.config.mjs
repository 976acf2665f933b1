// ESLint (flat config): typescript-eslint's recommended rules everywhere, the React hooks rules
// in the page, the size limits in the app's sources, and the layer rules — which room may import
// which — as the `layers/imports` rule below. `npm run lint`; `npm test` runs it.
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { defineConfig } from 'eslint/config';

const root = path.dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------------------------------------
// The layer rules. Each room lists what it must not import: Node's built-ins, packages by name,
// and folders of this repository (relative imports are resolved against the importing file, so
// `../../service/x` is judged by where it lands, not by how it is spelled).
// ---------------------------------------------------------------------------------------------

const nodeBuiltins = new Set(builtinModules.filter((m) => !m.startsWith('_')));
const doorsAndPage = ['electron/main', 'electron/web', 'electron/cli', 'renderer'];
const otherDoor = 'A door never imports another door: share code through the service or the core.';

/** @type {Record<string, { files: string[], ignores?: string[], builtins?: string, packages?: Record<string, string>, folders?: Record<string, string>, onlyFolders?: { allowed: string[], message: string } }>} */
const layers = {
  core: {
    files: ['electron/core/**'],
    builtins: 'The core runs in the page too: no Node built-ins.',
    packages: {
      electron: 'The core runs in the page and the CLI too: no Electron.',
      react: 'The core is plain TypeScript shared by the service and the page: no React (components live in renderer/).',
      'react-dom': 'The core is plain TypeScript shared by the service and the page: no React (components live in renderer/).',
    },
    folders: Object.fromEntries(
      ['electron/service', ...doorsAndPage].map((f) => [f, 'The core is the bottom layer: it never imports the service, a door or the renderer.']),
    ),
  },
  service: {
    files: ['electron/service/**'],
    packages: { electron: 'The service is plain Node, shared by the three doors: it never imports Electron.' },
    folders: Object.fromEntries(doorsAndPage.map((f) => [f, 'The service sits under the doors and the page: it never imports a door or the renderer.'])),
  },
  main: {
    files: ['electron/main/**'],
    folders: { 'electron/web': otherDoor, 'electron/cli': otherDoor, renderer: 'The Electron door talks to the page over IPC only: it never imports the renderer.' },
  },
  web: {
    files: ['electron/web/**'],
    folders: { 'electron/main': otherDoor, 'electron/cli': otherDoor, renderer: 'The browser-mode door serves the built page: it never imports the renderer.' },
  },
  cli: {
    files: ['electron/cli/**'],
    folders: { 'electron/main': otherDoor, 'electron/web': otherDoor, renderer: 'The CLI never imports the renderer.' },
  },
  renderer: {
    files: ['renderer/**'],
    // Vite's own config runs in Node at build time, not in the page.
    ignores: ['renderer/vite.config.mts'],
    builtins: 'The renderer runs in a sandboxed page: no Node built-ins.',
    packages: { electron: 'The renderer runs in a sandboxed page: no Electron (the preload\'s bridge is its only way out).' },
    onlyFolders: {
      allowed: ['renderer', 'electron/core'],
      message: 'The renderer imports only electron/core and itself: it reaches the service through its api/ (the contract), never by import.',
    },
  },
};

const inside = (file, folder) => file === folder || file.startsWith(`${folder}/`);
const packageName = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

/** Why `spec`, imported from `file` (a path relative to the repository), breaks `layer`; or null. */
function wrongWay(layer, file, spec) {
  if (spec.startsWith('.') || spec.startsWith('/')) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
    for (const [folder, message] of Object.entries(layer.folders ?? {})) if (inside(target, folder)) return message;
    if (layer.onlyFolders && !layer.onlyFolders.allowed.some((f) => inside(target, f))) return layer.onlyFolders.message;
    return null;
  }
  if (layer.builtins && (spec.startsWith('node:') || nodeBuiltins.has(spec) || nodeBuiltins.has(packageName(spec)))) return layer.builtins;
  return layer.packages?.[packageName(spec)] ?? null;
}

const layersPlugin = {
  rules: {
    imports: {
      meta: {
        type: 'problem',
        docs: { description: 'Which room may import which (the layer rules in README.md).' },
        schema: [{ type: 'string' }],
        messages: { wrongWay: '{{why}} (imports {{spec}})' },
      },
      create(context) {
        const layer = layers[context.options[0]];
        const file = path.relative(root, context.filename).split(path.sep).join('/');
        const check = (node) => {
          if (node?.type !== 'Literal' || typeof node.value !== 'string') return;
          const why = wrongWay(layer, file, node.value);
          if (why) context.report({ node, messageId: 'wrongWay', data: { why, spec: node.value } });
        };
        return {
          ImportDeclaration: (node) => check(node.source),
          ExportNamedDeclaration: (node) => check(node.source),
          ExportAllDeclaration: (node) => check(node.source),
          ImportExpression: (node) => check(node.source),
          TSImportEqualsDeclaration: (node) => check(node.moduleReference.expression),
          TSImportType: (node) => check(node.argument?.literal ?? node.source),
          CallExpression: (node) => {
            if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node.arguments[0]);
          },
        };
      },
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Size: no source file over 500 lines, no function over 80 (blank lines and comments not
// counted), in the app's sources; tests and benchmarks are exempt.
// ---------------------------------------------------------------------------------------------
const size = { skipBlankLines: true, skipComments: true };


export default defineConfig(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'bench/results/**', 'bench/editor/.stock-dist/**', 'test/fixtures/**', '.scratch/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A leading underscore marks a value left unused on purpose (`_dir`, `[_s, _g]`), and
      // `const { only, ...rest }` drops a key.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // Off: `let names = []; try { names = … } catch { … }` keeps a fallback visible where it is declared.
      'no-useless-assignment': 'off',
      // Off: file and photo names are checked for control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'bench/editor/stock/**'],
    ignores: ['renderer/vite.config.mts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    // The two classic hooks rules. The plugin's recommended set also holds the React Compiler's
    // rules (refs, immutability, set-state-in-effect, static-components, …): they run the compiler
    // over every component — four fifths of the lint's time — to check code for a compiler this
    // app does not use, and what they flag here is valid React without it (a ref read during
    // render for the latest value, a callback naming a function declared below it).
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  // What electron/ imports only for types says so (`import type`, `{ type X }`): the dependencies
  // test (test/unit/lint/dependencies.test.ts) reads run-time imports from the source by that mark.
  {
    files: ['electron/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }] },
  },
  // Benchmarks hand functions to the page (page.evaluate) and skip observers a browser lacks.
  { files: ['bench/**'], languageOptions: { globals: { ...globals.node, ...globals.browser } }, rules: { 'no-empty': ['error', { allowEmptyCatch: true }] } },
  // The page's theme boot script is a classic script, run before the modules (public/, copied as is).
  { files: ['renderer/public/**/*.js'], languageOptions: { sourceType: 'script', globals: { ...globals.browser } } },
  // The installed `recap` stub is CommonJS: require is how it finds the built CLI.
  { files: ['bin/**/*.js'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { plugins: { layers: layersPlugin } },
  ...Object.entries(layers).map(([name, layer]) => ({
    files: layer.files,
    ignores: layer.ignores ?? [],
    rules: { 'layers/imports': ['error', name] },
  })),
  {
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    rules: {
      'max-lines': ['error', { max: 500, ...size }],
      'max-lines-per-function': ['error', { max: 80, ...size, IIFEs: true }],
    },
  },
  {
    // The message catalogues are data, not code: one file per language, so that a translator
    // finds every string of the app in one place (test/unit/core/i18n.test.ts keeps them in step).
    files: ['electron/core/i18n/en.ts', 'electron/core/i18n/zh-CN.ts'],
    rules: { 'max-lines': 'off', 'max-lines-per-function': 'off' },
  },
);
