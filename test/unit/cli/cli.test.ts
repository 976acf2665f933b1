// The `recap` CLI as a user runs it: a child process on real files in temp folders.
// The TypeScript source runs through tsx so these tests never run a stale build; the last
// block builds the package into a temp folder and runs bin/recap.js the way npm installs it.

import { promises as fs, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli, runNode, type CliRun } from '../support/cli-run';
import { readFrontMatter } from '../../../electron/core/frontmatter/frontmatter';

const ROOT = path.resolve(__dirname, '../../..');
const REFERENCE_PATH = path.resolve(ROOT, 'test/fixtures/kubernetes-community-days-china.md');
const REFERENCE = readFileSync(REFERENCE_PATH, 'utf8');
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const REFERENCE_IMAGES = [...REFERENCE.matchAll(/!\[[^\]]*\]\((\/images\/[^)]+)\)/g)].map((m) => m[1] ?? '');

type Run = CliRun;

function exec(args: string[], cwd: string): Promise<Run> {
  return runNode(args, cwd);
}

const recap = (cwd: string, ...args: string[]): Promise<Run> => runCli(cwd, args);

function fields(text: string): Record<string, unknown> {
  return Object.fromEntries(readFrontMatter(text).fields.map((f) => [f.key, f.value]));
}

/** Line numbers (1-based) where two texts differ; both must have the same number of lines. */
function changedLines(before: string, after: string): number[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b).toHaveLength(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [i + 1]));
}

let tmp: string;
const read = (name: string): Promise<string> => fs.readFile(path.join(tmp, name), 'utf8');

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-cli-'));
  await fs.writeFile(path.join(tmp, 'kcd.md'), REFERENCE);
});

describe('recap new', () => {
  it('writes the template with title, author and date filled in', async () => {
    const run = await recap(tmp, 'new', 'zurich.md', '--title', 'KCD Zürich: "Day 1"', '--author', 'Jane Doe', '--date', '2024-06-12');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('Created zurich.md');
    const text = await read('zurich.md');
    expect(fields(text)).toEqual({ title: 'KCD Zürich: "Day 1"', keywords: '', description: '', createTime: '2024-06-12', author: 'Jane Doe' });
    expect(text).toContain('\n## KCD Zürich: "Day 1"\n');
    expect(run.stdout).toContain('Still to fill in: description');
  });

  it('dates the recap today (local time) by default', async () => {
    const today = (): string => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    };
    const before = today();
    const run = await recap(tmp, 'new', 'today.md');
    expect(run.code).toBe(0);
    expect([before, today()]).toContain(fields(await read('today.md'))['createTime']);
  });

  it('names the file after the title when given a folder', async () => {
    await fs.mkdir(path.join(tmp, 'news'));
    const run = await recap(tmp, 'new', 'news', '--title', 'Día de Kubernetes Zürich', '--date', '2024-06-12');
    expect(run.code).toBe(0);
    expect(fields(await read('news/dia-de-kubernetes-zurich.md'))['title']).toBe('Día de Kubernetes Zürich');
  });

  it('refuses to overwrite an existing file without --force', async () => {
    const run = await recap(tmp, 'new', 'kcd.md', '--title', 'Other');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('kcd.md already exists');
    expect(run.stderr).toContain('--force');
    expect(await read('kcd.md')).toBe(REFERENCE);
  });

  it('overwrites with --force', async () => {
    const run = await recap(tmp, 'new', 'kcd.md', '--title', 'Other', '--date', '2024-06-12', '--force');
    expect(run.code).toBe(0);
    expect(fields(await read('kcd.md'))['title']).toBe('Other');
  });

  it('rejects a date that is not YYYY-MM-DD or not on the calendar', async () => {
    const written = await recap(tmp, 'new', 'a.md', '--date', '12/06/2024');
    expect(written.code).toBe(2);
    expect(written.stderr).toContain('--date "12/06/2024" is not a date written YYYY-MM-DD');
    const feb30 = await recap(tmp, 'new', 'a.md', '--date=2021-02-30');
    expect(feb30.code).toBe(2);
    expect(feb30.stderr).toContain('February 2021 has no day 30');
    await expect(fs.access(path.join(tmp, 'a.md'))).rejects.toThrow();
  });

  it('needs a FILE and a value for --title', async () => {
    expect((await recap(tmp, 'new')).code).toBe(2);
    const noValue = await recap(tmp, 'new', 'a.md', '--title');
    expect(noValue.code).toBe(2);
    expect(noValue.stderr).toContain('--title needs a value');
  });
});

describe('recap set', () => {
  it('changes exactly one line for one field', async () => {
    const run = await recap(tmp, 'set', 'kcd.md', 'title=KCD China 2021: the recap');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('title: "Kubernetes Community Days China Recap" → "KCD China 2021: the recap"');
    const after = await read('kcd.md');
    expect(changedLines(REFERENCE, after)).toEqual([2]);
    expect(after.split('\n')[1]).toBe('title: "KCD China 2021: the recap"');
  });

  it('keeps the comma-string format of keywords, leading space included', async () => {
    const run = await recap(tmp, 'set', 'kcd.md', 'keywords=Community,Kubernetes,Cloud');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('keywords: " Community, Kubernetes" → " Community, Kubernetes, Cloud"');
    const after = await read('kcd.md');
    expect(changedLines(REFERENCE, after)).toEqual([3]);
    expect(after.split('\n')[2]).toBe('keywords: " Community, Kubernetes, Cloud"');
  });

  it('keeps a YAML list a list', async () => {
    const listed = REFERENCE.replace('keywords: " Community, Kubernetes"', 'keywords:\n  - Community\n  - Kubernetes');
    await fs.writeFile(path.join(tmp, 'kcd.md'), listed);
    expect((await recap(tmp, 'set', 'kcd.md', 'keywords=Community,Kubernetes,Cloud')).code).toBe(0);
    expect(await read('kcd.md')).toBe(listed.replace('  - Kubernetes\n', '  - Kubernetes\n  - Cloud\n'));
  });

  it('writes values as strings, sets empty values, and edits several fields at once', async () => {
    const run = await recap(tmp, 'set', 'kcd.md', 'createTime=2021-11-03', 'description=', 'author=Lindsay, Jane');
    expect(run.code).toBe(0);
    const after = await read('kcd.md');
    expect(changedLines(REFERENCE, after)).toEqual([4, 5, 6]);
    expect(after.split('\n').slice(3, 6)).toEqual(['description: ""', 'createTime: "2021-11-03"', 'author: "Lindsay, Jane"']);
  });

  it('adds unknown fields, lists with --list, and removes with --unset', async () => {
    const run = await recap(tmp, 'set', 'kcd.md', 'image=/images/news/kcd-china/kcd-event.png', '--list', 'tags=kcd,china', '--unset', 'author');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('author: "Lindsay" → (removed)');
    expect(run.stdout).toContain('tags: (not set) → ["kcd","china"]');
    const after = await read('kcd.md');
    expect(after.split('\n').slice(0, 10)).toEqual([
      '---',
      'title: "Kubernetes Community Days China Recap"',
      'keywords: " Community, Kubernetes"',
      'description: "The first Kubernetes Community Days China was successfully held in Beijing"',
      'createTime: "2021-11-02"',
      'image: "/images/news/kcd-china/kcd-event.png"',
      'tags:',
      '  - "kcd"',
      '  - "china"',
      '---',
    ]);
    expect(after.slice(after.indexOf('\n---\n'))).toBe(REFERENCE.slice(REFERENCE.indexOf('\n---\n')));
  });

  it('leaves the file alone when nothing changes', async () => {
    const before = (await fs.stat(path.join(tmp, 'kcd.md'))).mtimeMs;
    const run = await recap(tmp, 'set', 'kcd.md', 'author=Lindsay');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('kcd.md: nothing changed');
    expect((await fs.stat(path.join(tmp, 'kcd.md'))).mtimeMs).toBe(before);
  });

  it.each([
    [['title'], 'expected key=value, got "title"'],
    [['=Recap'], 'expected key=value with a field name before "=", got "=Recap"'],
    [['--list', 'tags'], 'expected key=value, got "--list tags"'],
    [[], 'nothing to set'],
    [['title=x', '--bogus'], 'unknown option --bogus for recap set'],
    [['title: evil\nimage=x'], 'cannot be a field name'],
    [['a:b=x'], '"a:b" cannot be a field name'],
    [['--unset', 'x#y'], '"x#y" cannot be a field name'],
    [['--list', '{k}=a,b'], '"{k}" cannot be a field name'],
  ])('exits 2 on %j and leaves the file alone', async (args, message) => {
    const run = await recap(tmp, 'set', 'kcd.md', ...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('Usage: recap set');
    expect(await read('kcd.md')).toBe(REFERENCE);
  });

  it('refuses (exit 1) to edit a front matter that is not valid YAML', async () => {
    const broken = REFERENCE.replace('title: "Kubernetes Community Days China Recap"', 'title: "Kubernetes');
    await fs.writeFile(path.join(tmp, 'kcd.md'), broken);
    const run = await recap(tmp, 'set', 'kcd.md', 'author=Jane');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^recap: the front matter has an error/);
    expect(await read('kcd.md')).toBe(broken);
  });

  it('exits 2 for a file that does not exist', async () => {
    const run = await recap(tmp, 'set', 'notes.md', 'title=x');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('recap: cannot open notes.md: the file or folder does not exist.\n');
  });
});

describe('recap lint', () => {
  async function site(): Promise<string> {
    // The reference recap where the default profile puts it, with its images in static/.
    const post = path.join(tmp, 'site', 'content', 'en', 'news', 'kcd-china.md');
    await fs.mkdir(path.dirname(post), { recursive: true });
    await fs.writeFile(post, REFERENCE);
    // Real photos: lint judges each file a link finds as export does (text named .png is none).
    const { png } = await import('../support/site-fixture');
    for (const [i, url] of REFERENCE_IMAGES.entries()) await png(path.join(tmp, 'site', 'static', ...url.split('/')), i + 1);
    return path.relative(tmp, post);
  }

  it('exits 0 on the reference recap inside its site', async () => {
    const post = await site();
    const run = await recap(tmp, 'lint', post);
    expect(run).toEqual({ code: 0, stdout: `${post}: rules: Generic checks: the file is not inside a website checkout, so no field is required (give a profile, e.g. recap lint --profile hugo-news, or open the post from its site for the site's rules).\n${post}: no problems found.\n`, stderr: '' });
  });

  it('reports missing local images with FILE:LINE:COL and a summary, exit 1', async () => {
    const run = await recap(tmp, 'lint', 'kcd.md');
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(REFERENCE_IMAGES.length + 2);
    expect(lines.shift()).toMatch(/^kcd\.md: rules: Generic checks: the file is not inside a website checkout/);
    expect(lines[0]).toMatch(/^kcd\.md:11:1 error .*\/images\/news\/kcd-china\/kcd-china-event\.png.* \(image-missing\)$/);
    expect(lines.at(-1)).toBe('6 errors, 0 warnings');
  });

  it('exits 1 on warnings alone', async () => {
    const post = await site();
    const file = path.join(tmp, post);
    await fs.writeFile(file, REFERENCE.replace('## Kubernetes Community Days China', '# Kubernetes Community Days China'));
    const run = await recap(tmp, 'lint', post);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${post}:9:1 warning `);
    expect(run.stdout).toContain('(body-h1)');
    expect(run.stdout.trim().split('\n').at(-1)).toBe('0 errors, 1 warning');
  });

  it('exits 0 on warnings up to --max-warnings N, 1 above it or on any error, and refuses a count that is not one', async () => {
    const post = await site();
    const file = path.join(tmp, post);
    await fs.writeFile(file, REFERENCE.replace('## Kubernetes Community Days China', '# Kubernetes Community Days China'));
    const allowed = await recap(tmp, 'lint', '--max-warnings', '1', post);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout.trim().split('\n').at(-1)).toBe('0 errors, 1 warning');
    expect(allowed.stderr).toBe('');
    const over = await recap(tmp, 'lint', '--max-warnings=0', post);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('recap: 1 warning, more than --max-warnings 0 allows.\n');
    // Errors fail the run whatever the warnings allowed (kcd.md: the reference recap outside its site, its images missing).
    const errors = await recap(tmp, 'lint', '--max-warnings', '5', 'kcd.md', post);
    expect(errors.code).toBe(1);
    expect(errors.stdout.trim().split('\n').at(-1)).toBe('6 errors, 1 warning');
    for (const bad of ['-1', 'ten', '1.5']) {
      const run = await recap(tmp, 'lint', `--max-warnings=${bad}`, post);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`--max-warnings needs a whole number of warnings (0 or more), got "${bad}"`);
    }
  });

  it('prints {file, rules, problems, errors, warnings} with --json', async () => {
    await fs.writeFile(path.join(tmp, 'kcd.md'), REFERENCE.replace('createTime: "2021-11-02"', 'createTime: "02/11/2021"'));
    const run = await recap(tmp, 'lint', '--json', 'kcd.md');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { file: string; rules: { source: string }; problems: Array<Record<string, unknown>>; errors: number; warnings: number };
    expect(Object.keys(report)).toEqual(['file', 'rules', 'problems', 'errors', 'warnings']);
    expect(report.rules.source).toBe('generic');
    expect(report).toMatchObject({ file: 'kcd.md', errors: 7, warnings: 0 });
    expect(report.problems[0]).toMatchObject({ code: 'field-date', severity: 'error', line: 5, field: 'createTime' });
  });

  it('exits 2 for a missing file and for a folder, naming them', async () => {
    const missing = await recap(tmp, 'lint', 'notes.md');
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toBe('recap: cannot open notes.md: the file or folder does not exist.\n');
    await fs.mkdir(path.join(tmp, 'posts.md'));
    const folder = await recap(tmp, 'lint', 'posts.md');
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('posts.md');
    expect(folder.stderr).toContain('folder');
  });

  it('still lints the readable files when one is missing, and exits 2', async () => {
    const post = await site();
    const run = await recap(tmp, 'lint', 'nope.md', post);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe(`${post}: rules: Generic checks: the file is not inside a website checkout, so no field is required (give a profile, e.g. recap lint --profile hugo-news, or open the post from its site for the site's rules).\n${post}: no problems found.\n`);
    expect(run.stderr).toContain('nope.md');
  });

  it('needs a FILE', async () => {
    const run = await recap(tmp, 'lint');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('which file?');
  });
});

describe('help, version and usage errors', () => {
  it('prints every command with examples on --help and help', async () => {
    for (const args of [['--help'], ['help']]) {
      const run = await recap(tmp, ...args);
      expect(run.code).toBe(0);
      for (const usage of ['recap new FILE', 'recap set FILE key=value', 'recap lint FILE']) expect(run.stdout).toContain(usage);
      expect(run.stdout).toContain('recap set post.md keywords=Community,Kubernetes,Cloud');
    }
  });

  it('prints one command\'s help with CMD --help and help CMD', async () => {
    const a = await recap(tmp, 'set', '--help');
    const b = await recap(tmp, 'help', 'set');
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/^Usage: recap set FILE/);
    expect(a.stdout).toContain('--unset key');
    expect(b.stdout).toBe(a.stdout);
  });

  it('prints the version', async () => {
    expect(await recap(tmp, '--version')).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('exits 2 with the usage on no arguments and on an unknown command', async () => {
    const none = await recap(tmp);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage: recap <command>');
    const unknown = await recap(tmp, 'publish', 'kcd.md');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "publish"');
  });
});

/** Emits `from`'s TypeScript sources as CommonJS into `to`, file by file, as `tsc -p tsconfig.json` lays them out. */
async function transpileTree(from: string, to: string): Promise<void> {
  const ts = createRequire(path.join(ROOT, 'package.json'))('typescript') as typeof import('typescript');
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error('tsconfig.json could not be read');
  const compilerOptions = { ...config.options, sourceMap: false };
  for (const entry of await fs.readdir(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.d.ts')) continue;
    const source = path.join(entry.parentPath, entry.name);
    const target = path.join(to, path.relative(from, source)).replace(/\.ts$/, '.js');
    const { outputText } = ts.transpileModule(await fs.readFile(source, 'utf8'), { compilerOptions, fileName: source });
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, outputText);
  }
}

describe('bin/recap.js', () => {
  let pkg: string;

  beforeAll(async () => {
    // The package as npm installs it: bin/, dist/ from a fresh build, assets/ and node_modules.
    pkg = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-bin-'));
    await fs.mkdir(path.join(pkg, 'bin'));
    await fs.copyFile(path.join(ROOT, 'bin', 'recap.js'), path.join(pkg, 'bin', 'recap.js'));
    await fs.copyFile(path.join(ROOT, 'package.json'), path.join(pkg, 'package.json'));
    await fs.symlink(path.join(ROOT, 'assets'), path.join(pkg, 'assets'));
    await fs.symlink(path.join(ROOT, 'node_modules'), path.join(pkg, 'node_modules'));
  });

  afterAll(async () => {
    await fs.rm(pkg, { recursive: true, force: true });
  });

  it('says to build first when dist/ is missing', async () => {
    const run = await exec([path.join(pkg, 'bin', 'recap.js'), '--help'], tmp);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Run npm run build first');
  });

  it('runs the built CLI', async () => {
    // Type errors are the typecheck's business; this only needs the emitted JavaScript, so each
    // source is transpiled on its own with the project's compiler options (a whole tsc build of
    // the project took most of this test's minute on a loaded 2-core machine).
    await transpileTree(path.join(ROOT, 'electron'), path.join(pkg, 'dist', 'electron'));
    const version = await exec([path.join(pkg, 'bin', 'recap.js'), '--version'], tmp);
    expect(version).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    const lint = await exec([path.join(pkg, 'bin', 'recap.js'), 'lint', 'kcd.md'], tmp);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain('6 errors, 0 warnings');
  }, 60_000);
});

describe('export', () => {
  type Fixture = typeof import('../support/site-fixture');
  let fx: Fixture;
  let site: { root: string; recap: string; imageDir: string };
  const POST = 'content/en/news/kubernetes-community-days-china.md';
  const recapArg = (): string => path.relative(tmp, site.recap);

  beforeAll(async () => {
    fx = await import('../support/site-fixture');
  });

  beforeEach(async () => {
    // Export records of a recap inside a site go to the app's data folder: keep it in the temp dir.
    process.env['RECAP_STUDIO_HOME'] = path.join(tmp, 'home');
    site = await fx.makeHugoSite(path.join(tmp, 'site'));
  });

  afterAll(() => {
    delete process.env['RECAP_STUDIO_HOME'];
  });

  it('writes the post and its images into a folder and lists them (exit 0)', async () => {
    const run = await recap(tmp, 'export', recapArg(), '--out', 'out');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`added     ${POST}`);
    expect(run.stdout).toContain('added     static/images/news/kcd-china/kcd-event-3.png');
    expect(run.stdout).toContain('7 added, 0 changed, 0 unchanged, 0 removed.');
    expect(await read(`out/${POST}`)).toBe(REFERENCE);
    expect(await fx.listFiles(path.join(tmp, 'out'))).toHaveLength(7);

    const again = await recap(tmp, 'export', recapArg(), '--out', 'out');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Nothing to change');
  });

  it('writes a zip, and prints the report as JSON with --json', async () => {
    const run = await recap(tmp, 'export', recapArg(), '--zip', 'kcd.zip', '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { written: boolean; zip: { entries: number }; added: string[] };
    expect(report).toMatchObject({ written: true, zip: { entries: 7 } });
    expect(report.added).toContain(POST);
    expect((await fs.stat(path.join(tmp, 'kcd.zip'))).size).toBeGreaterThan(0);
  });

  it('writes nothing with --dry-run', async () => {
    const run = await recap(tmp, 'export', recapArg(), '--out', 'out', '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Would export');
    await expect(fs.access(path.join(tmp, 'out'))).rejects.toThrow();
  });

  it('refuses to replace a different file, listing it (exit 1), until --overwrite', async () => {
    const target = path.join(tmp, 'website');
    await fs.mkdir(path.join(target, 'content/en/news'), { recursive: true });
    await fs.writeFile(path.join(target, 'hugo.toml'), '');
    await fs.writeFile(path.join(target, POST), 'someone else\'s post\n');
    const before = await fx.treeHash(target);
    const run = await recap(tmp, 'export', recapArg(), '--site', 'website');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`exists  ${POST}`);
    expect(run.stderr).toContain('--overwrite');
    expect(await fx.treeHash(target)).toBe(before);

    const forced = await recap(tmp, 'export', recapArg(), '--site', 'website', '--overwrite');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain(`changed   ${POST}`);
    expect(await read(`website/${POST}`)).toBe(REFERENCE);
  });

  it('lists preflight errors with their lines and writes nothing (exit 1)', async () => {
    await fs.writeFile(site.recap, REFERENCE.replace('kcd-event-2.png', 'kcd-event-9.png'));
    const run = await recap(tmp, 'export', recapArg(), '--out', 'out');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/kubernetes-community-days-china\.md:\d+:1 error The image \/images\/news\/kcd-china\/kcd-event-9\.png does not exist/);
    expect(run.stdout).toContain('nothing was exported');
    await expect(fs.access(path.join(tmp, 'out'))).rejects.toThrow();
  });

  it.each([
    [['export'], 'which recap?'],
    [['export', 'RECAP'], 'give one of --site DIR, --out DIR or --zip FILE'],
    [['export', 'RECAP', '--out', 'a', '--zip', 'b.zip'], 'give only one of'],
    [['export', 'RECAP', '--zip', 'b.tar'], 'should end in .zip'],
    [['export', 'missing.md', '--out', 'a'], 'missing.md'],
    [['export', 'RECAP', '--out', 'a', '--profile', 'wordpress'], 'no site profile called "wordpress"'],
    [['export', 'RECAP', '--site', 'nowhere'], 'does not exist'],
  ])('exits 2 on %j and writes nothing', async (args, message) => {
    const run = await recap(tmp, ...args.map((a) => (a === 'RECAP' ? recapArg() : a)));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    await expect(fs.access(path.join(tmp, 'a'))).rejects.toThrow();
  });
});
