// Libraries where they belong: package.json's `dependencies` are what the main process, the
// service and the CLI load at run time (electron/**, bin/), and nothing else — the packaged app
// ships exactly these; the page's libraries are build-time dependencies that Vite bundles.
// `npm run size:pack` measures what that leaves in the app's asar.
import { promises as fs } from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.join(__dirname, '..', '..', '..');

interface PackageJson {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

const builtins = new Set(builtinModules);
const packageName = (spec: string): string => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec));
const isPackage = (spec: string): boolean => !spec.startsWith('.') && !spec.startsWith('/') && !spec.startsWith('node:') && !builtins.has(packageName(spec));

/** The packages a source file loads at run time: imports and re-exports that are not type-only,
 * import(), require() and functions made by createRequire (markdown-images.ts loads the Markdown
 * parser that way, on first use). `import type` and `typeof import('x')` load nothing. */
function runtimePackages(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : undefined);
  const found: string[] = [];
  const requireNames = new Set(['require']);
  const add = (node: ts.Node | undefined): void => {
    if (node && ts.isStringLiteralLike(node) && isPackage(node.text)) found.push(packageName(node.text));
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const typeOnly = clause !== undefined && (clause.isTypeOnly || (!clause.name && named !== undefined && named.length > 0 && named.every((e) => e.isTypeOnly)));
      if (!typeOnly) add(node.moduleSpecifier);
    } else if (ts.isExportDeclaration(node)) {
      if (!node.isTypeOnly) add(node.moduleSpecifier);
    } else if (ts.isImportEqualsDeclaration(node)) {
      if (!node.isTypeOnly && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression);
    } else if (ts.isVariableDeclaration(node) && node.initializer && ts.isCallExpression(node.initializer) && ts.isIdentifier(node.initializer.expression) && node.initializer.expression.text === 'createRequire' && ts.isIdentifier(node.name)) {
      requireNames.add(node.name.text);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && requireNames.has(callee.text))) add(node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

async function sources(dir: string, pattern: RegExp, skip: RegExp = /\.d\.ts$/): Promise<string[]> {
  const files = await fs.readdir(path.join(root, dir), { recursive: true });
  return files.map((f) => path.join(dir, f).split(path.sep).join('/')).filter((f) => pattern.test(f) && !skip.test(f));
}

/** Each package loaded at run time by `files`, with the first file that loads it. */
async function packagesOf(files: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const file of files) {
    for (const pkg of runtimePackages(file, await fs.readFile(path.join(root, file), 'utf8'))) if (!out.has(pkg)) out.set(pkg, file);
  }
  return out;
}

async function load(): Promise<{ pkg: PackageJson; main: Map<string, string>; page: Map<string, string> }> {
  const pkg = JSON.parse(await fs.readFile(path.join(root, 'package.json'), 'utf8')) as PackageJson;
  // The main process, the service, the browser-mode server and the CLI (electron/core included:
  // they load it too), and the installed `recap` stub.
  const main = await packagesOf([...(await sources('electron', /\.ts$/)), ...(await sources('bin', /\.js$/))]);
  // The page, as Vite bundles it (its own config runs at build time).
  const page = await packagesOf(await sources('renderer', /\.tsx?$/, /\.d\.ts$|vite\.config\.mts$/));
  return { pkg, main, page };
}

describe('package.json dependencies', () => {
  it('sees the imports it judges (static, dynamic, createRequire; not type-only)', async () => {
    const { main, page } = await load();
    expect([...main.keys()]).toEqual(expect.arrayContaining(['electron', 'sharp', 'yaml', 'smol-toml', 'diff', 'unified', 'remark-parse', 'rehype-raw']));
    expect(main.get('unified')).toBe('electron/service/recap/markdown-images.ts');
    expect(main.has('hast')).toBe(false);
    expect([...page.keys()]).toEqual(expect.arrayContaining(['react', 'react-dom', '@uiw/react-md-editor', 'hast-util-to-jsx-runtime', 'rehype-sanitize']));
    expect(runtimePackages('x.ts', "import type { A } from 'a';\nimport { type B } from 'b';\nexport type { C } from 'c';\nlet d: typeof import('d');")).toEqual([]);
    expect(runtimePackages('x.ts', "import 'a';\nimport { b, type B } from '@s/b/sub';\nexport * from 'c';\nconst d = require('d');\nconst l = createRequire(f);\nl('e');\nawait import('f');")).toEqual(['a', '@s/b', 'c', 'd', 'e', 'f']);
  });

  it('hold only what the main process, the service or the CLI loads at run time', async () => {
    const { pkg, main, page } = await load();
    const unused = Object.keys(pkg.dependencies).filter((d) => !main.has(d));
    expect(unused, 'in dependencies but not loaded by electron/ or bin/ (a build-time library belongs in devDependencies)').toEqual([]);
    const pageOnly = Object.keys(pkg.dependencies).filter((d) => page.has(d) && !main.has(d));
    expect(pageOnly, "the page's libraries are bundled by Vite: devDependencies").toEqual([]);
  });

  it('hold everything the main process, the service or the CLI loads at run time (Electron itself is the runtime)', async () => {
    const { pkg, main } = await load();
    const missing = [...main].filter(([d]) => d !== 'electron' && !(d in pkg.dependencies)).map(([d, file]) => `${d} (${file})`);
    expect(missing, 'loaded at run time but not in dependencies: the packaged app would not find it').toEqual([]);
    expect(Object.keys(pkg.dependencies)).not.toContain('electron');
    expect(Object.keys(pkg.devDependencies)).toContain('electron');
  });

  it("list every package the page loads, as a build-time dependency unless the main process needs it too", async () => {
    const { pkg, main, page } = await load();
    const unlisted = [...page].filter(([d]) => !(d in pkg.devDependencies) && !(main.has(d) && d in pkg.dependencies)).map(([d, file]) => `${d} (${file})`);
    expect(unlisted).toEqual([]);
  });
});
