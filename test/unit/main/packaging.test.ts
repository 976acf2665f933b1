// Packaging stays honest: electron-builder.yml passes electron-builder's own schema, the fuses
// are set, sharp's native parts are unpacked from the asar, and every file the app loads at
// run time is in the package.
import { existsSync, promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = path.join(__dirname, '..', '..', '..');
const requireHere = createRequire(__filename);
const builderLib = path.dirname(requireHere.resolve('app-builder-lib/package.json'));
const { validateConfiguration } = requireHere(path.join(builderLib, 'out', 'util', 'config', 'config.js')) as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
};
// The same glob matcher electron-builder uses for `files` and `asarUnpack`.
const { minimatch } = createRequire(path.join(builderLib, 'package.json'))('minimatch') as { minimatch(p: string, pattern: string, opts?: { dot?: boolean }): boolean };

interface BuilderConfig {
  files: string[];
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  extraMetadata: { main: string };
  [key: string]: unknown;
}

async function loadConfig(): Promise<BuilderConfig> {
  return parse(await fs.readFile(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
}

const quiet = { isEnabled: false, add: () => undefined };

/** electron-builder's rule for `files`: the last matching pattern decides, `!` excludes. */
function included(files: string[], rel: string): boolean {
  let inside = false;
  for (const pattern of files) {
    const negated = pattern.startsWith('!');
    if (minimatch(rel, negated ? pattern.slice(1) : pattern, { dot: true })) inside = !negated;
  }
  return inside;
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full)));
    else out.push(full);
  }
  return out;
}

const rel = (p: string): string => path.relative(root, p).split(path.sep).join('/');

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema (and the schema does catch a mistake)", async () => {
    const config = await loadConfig();
    await expect(validateConfiguration(config, quiet)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, electronFuses: { ...config.electronFuses, runAsNodee: false } }, quiet)).rejects.toThrow(/does not match the API schema/);
    // Loading electron-builder and compiling its schema takes seconds on a busy machine.
  }, 30_000);

  it('sets the fuses', async () => {
    expect((await loadConfig()).electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it("unpacks sharp's native addon and libvips from the asar", async () => {
    const config = await loadConfig();
    const native = [...(await walk(path.join(root, 'node_modules', 'sharp'))), ...(await walk(path.join(root, 'node_modules', '@img')))].filter((f) => /\.(node|so(\.\d+)*|dylib|dll)$/.test(f));
    expect(native.length).toBeGreaterThanOrEqual(2);
    for (const f of native) expect(config.asarUnpack.some((p) => minimatch(rel(f), p, { dot: true })), rel(f)).toBe(true);
  });

  it('includes every file the app loads at run time', async () => {
    const config = await loadConfig();
    const pkg = JSON.parse(await fs.readFile(path.join(root, 'package.json'), 'utf8')) as { main: string };
    expect(config.extraMetadata.main).toBe(pkg.main);
    expect(pkg.main).toBe('dist/electron/main/index.js');
    // Every module of the main process and the service, as tsc writes it.
    const sources = (await walk(path.join(root, 'electron'))).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
    const needed = sources.map((f) => rel(f).replace(/^electron\//, 'dist/electron/').replace(/\.ts$/, '.js'));
    expect(needed).toEqual(expect.arrayContaining(['dist/electron/main/index.js', 'dist/electron/main/preload.js', 'dist/electron/main/windows.js', 'dist/electron/service/service.js']));
    // The page (and, once built, each of its files), the icon, the site profiles and templates.
    needed.push('dist/renderer/index.html', 'dist/renderer/assets/index-0000.js', 'dist/renderer/assets/index-0000.css', 'package.json', 'assets/icon.png');
    const builtRenderer = path.join(root, 'dist', 'renderer');
    if (existsSync(builtRenderer)) needed.push(...(await walk(builtRenderer)).filter((f) => !f.endsWith('.map')).map(rel));
    for (const dir of ['profiles', 'templates']) needed.push(...(await walk(path.join(root, 'assets', dir))).map(rel));
    expect(needed.filter((f) => f.startsWith('assets/profiles/')).length).toBeGreaterThanOrEqual(4);
    for (const f of needed) expect(included(config.files, f), f).toBe(true);
    // Source maps and the README screenshots stay out.
    expect(included(config.files, 'dist/electron/main/index.js.map')).toBe(false);
    expect(included(config.files, 'assets/screenshots/editor.png')).toBe(false);
  });

  it('finds those files where the built main process looks for them', async () => {
    // app-paths.ts resolves from its own folder: electron/main/ here, dist/electron/main/ once built.
    const { iconPath, preloadPath, rendererRoot } = await import('../../../electron/main/app-paths');
    const config = await loadConfig();
    const inDist = (p: string): string => rel(path.join(root, 'dist', 'electron', path.relative(path.join(root, 'electron'), p)));
    expect(inDist(rendererRoot)).toBe('dist/renderer');
    expect(inDist(preloadPath)).toBe('dist/electron/main/preload.js');
    expect(inDist(iconPath)).toBe('assets/icon.png');
    for (const p of [path.posix.join(inDist(rendererRoot), 'index.html'), inDist(preloadPath), inDist(iconPath)]) expect(included(config.files, p), p).toBe(true);
  });
});
