// The `recap` command: the headless door to the service, for site maintainers' scripts and CI.
// It only translates argv into service and pure-module calls and their results into text
// and exit codes; every rule about recaps lives in electron/service/.

import { existsSync, promises as fs, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Problem, RulesInfo } from '../core/contract';
import { rulesForPost, rulesGiven } from '../service/site/site-rules';
import { RecapError } from '../core/errors';
import { convertFrontMatter, getField, removeField, setField, splitRecap } from '../core/frontmatter/frontmatter';
import { coerceInput } from '../core/frontmatter/field-types';
import { detectSite, profileForRecap, siteFieldKind, siteFrontMatterFormat, siteRootAbove } from '../service/site/site';
import { archetypeFor, fillArchetype, listArchetypes, readArchetype, sectionOf, templateBody, type Archetype } from '../service/site/archetypes';
import type { FieldValue } from '../core/frontmatter/frontmatter';
import { dateError, validateFrontMatter } from '../core/recap/lint';
import { assetPath, loadProfile } from '../service/site/profile';
import { createRecapService, readRecapFile } from '../service/service';
import { newRecapText, slugify } from '../core/recap/template';
import { createPhotoLibrary } from '../service/photos/photos';
import { isSafeImageDir } from '../core/markdown/photo-names';
import type { ExportReport, ExportRequest, ExportTarget } from '../core/contract';
import { ExportConflictError, exportRecap } from '../service/export/export';

export type ExitCode = 0 | 1 | 2;

/** The command line itself is wrong: exit 2 and point at the command's help. */
export class UsageError extends Error {
  constructor(message: string, readonly command: string | null = null) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * The one place where failures become exit codes: 2 when the command cannot start (bad
 * arguments, a file that is missing or not a recap, a broken profile), 1 when it ran but
 * refused or failed (an existing file, a change on disk, an edit the front matter does not allow).
 */
export function exitCodeFor(err: unknown): ExitCode {
  if (err instanceof UsageError) return 2;
  if (err instanceof RecapError) {
    switch (err.code) {
      case 'BAD_REQUEST':
      case 'NOT_FOUND':
      case 'NOT_A_RECAP':
      case 'UNREADABLE':
      case 'BAD_PROFILE':
      case 'UNSUPPORTED':
        return 2;
      case 'EXISTS':
      case 'CHANGED_ON_DISK':
      case 'BAD_FIELD':
      case 'SAVE_FAILED':
      case 'BAD_PHOTO':
        return 1;
    }
  }
  return 1;
}

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

// ---------------------------------------------------------------------------------------
// Arguments

interface OptionSpec {
  name: string;
  /** Placeholder shown in help; an option without one is a flag. */
  value?: string;
  repeatable?: boolean;
  help: string;
}

type Token = { kind: 'positional'; value: string } | { kind: 'option'; name: string; value: string | null };

interface ParsedArgs {
  /** Positionals and options in the order given, for commands where order matters. */
  tokens: Token[];
  positionals: string[];
  has(name: string): boolean;
  value(name: string): string | undefined;
  values(name: string): string[];
}

function parseArgs(command: string, argv: string[], options: OptionSpec[]): ParsedArgs {
  const tokens: Token[] = [];
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (onlyPositionals || !arg.startsWith('-') || arg === '-') {
      tokens.push({ kind: 'positional', value: arg });
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const written = eq === -1 ? arg : arg.slice(0, eq);
    const name = written.startsWith('--') ? written.slice(2) : '';
    const spec = options.find((o) => o.name === name);
    if (!spec) throw new UsageError(`unknown option ${written} for recap ${command}`, command);
    if (spec.value === undefined) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value, got "${arg}"`, command);
      tokens.push({ kind: 'option', name, value: null });
      continue;
    }
    let value: string;
    if (eq !== -1) {
      value = arg.slice(eq + 1);
    } else {
      const next = argv[i + 1];
      // "--title --force" is almost always a forgotten value, not a title.
      if (next === undefined || next.startsWith('--')) throw new UsageError(`--${name} needs a value: --${name} ${spec.value}`, command);
      value = next;
      i++;
    }
    if (!spec.repeatable && tokens.some((t) => t.kind === 'option' && t.name === name)) {
      throw new UsageError(`--${name} is given twice`, command);
    }
    tokens.push({ kind: 'option', name, value });
  }
  const optionValues = (name: string): string[] =>
    tokens.flatMap((t) => (t.kind === 'option' && t.name === name && t.value !== null ? [t.value] : []));
  return {
    tokens,
    positionals: tokens.flatMap((t) => (t.kind === 'positional' ? [t.value] : [])),
    has: (name) => tokens.some((t) => t.kind === 'option' && t.name === name),
    value: (name) => optionValues(name)[0],
    values: optionValues,
  };
}

// ---------------------------------------------------------------------------------------
// Commands

interface Command {
  name: string;
  summary: string;
  usage: string;
  details: string[];
  options: OptionSpec[];
  examples: string[];
  run(args: ParsedArgs, io: Io): Promise<ExitCode>;
}

const HELP_OPTION: OptionSpec = { name: 'help', help: 'Show this help.' };

function todayLocal(): string {
  const d = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function show(value: FieldValue | undefined): string {
  return value === undefined ? '(not set)' : JSON.stringify(value);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

const newCommand: Command = {
  name: 'new',
  summary: 'Create a recap from the event-recap template.',
  usage: 'recap new FILE [--title T] [--author A] [--date YYYY-MM-DD] [--template NAME] [--force]',
  details: [
    'Writes FILE with the front matter filled in and the template\'s sections to write over.',
    'When FILE is a folder, the file is named after the title (e.g. kcd-china.md).',
    'Inside a Hugo site with archetypes, the archetype of the post\'s section (archetypes/<section>.md,',
    'else default.md) is the template: its front matter in the site\'s format, Hugo\'s usual',
    '{{ … }} filled in, and the event-recap sections when it has no body of its own.',
    '--template event-recap uses the built-in template instead; --template NAME picks archetypes/NAME.md.',
    'An existing file is never replaced unless --force is given.',
  ],
  options: [
    { name: 'title', value: 'T', help: 'Event title; also the first heading.' },
    { name: 'author', value: 'A', help: 'Author name(s), e.g. "Jane Doe, John Doe".' },
    { name: 'date', value: 'YYYY-MM-DD', help: 'Event date (createTime); default: today.' },
    { name: 'template', value: 'NAME', help: 'event-recap, or the name of one of the site\'s Hugo archetypes.' },
    { name: 'force', help: 'Replace FILE if it exists.' },
    HELP_OPTION,
  ],
  examples: [
    'recap new content/en/news/kcd-china.md --title "Kubernetes Community Days China Recap" --date 2021-11-02',
    'recap new content/en/news/ --title "KCD Beijing"      # writes content/en/news/kcd-beijing.md',
  ],
  async run(args, io) {
    const [target, ...extra] = args.positionals;
    if (target === undefined) throw new UsageError('which file should the recap be written to? e.g. recap new kcd-china.md', 'new');
    if (extra.length > 0) throw new UsageError(`recap new takes one FILE, got also "${extra.join(' ')}"`, 'new');
    const date = args.value('date') ?? todayLocal();
    const why = dateError(date);
    if (why !== null) {
      const shape = /^\d{4}-\d{2}-\d{2}$/.test(date) ? 'a real date' : 'a date written YYYY-MM-DD';
      throw new UsageError(`--date "${date}" is not ${shape}: ${why}`, 'new');
    }
    const title = args.value('title');
    const author = args.value('author');
    const file = target.endsWith('/') || target.endsWith(path.sep) || isDirectory(target)
      ? path.join(target, `${slugify(title ?? '')}.md`)
      : target;
    const force = args.has('force');
    if (!force && existsSync(file)) throw new RecapError('EXISTS', `${file} already exists; add --force to replace it.`);

    const template = await fs.readFile(assetPath('templates', 'event-recap.md'), 'utf8');
    const archetype = pickArchetype(file, args.value('template'));
    let text: string;
    if (archetype) {
      const name = path.basename(file).replace(/\.(md|markdown|mdx)$/i, '');
      const vars = { name: /^index$/i.test(name) ? path.basename(path.dirname(path.resolve(file))) : name, section: archetype.section, date: args.value('date') ? `${date}T00:00:00Z` : new Date().toISOString().replace(/\.\d+Z$/, 'Z') };
      const filled = fillArchetype(readArchetype(archetype.archetype), { ...vars, ...(title !== undefined ? { title } : {}) }, templateBody(template));
      text = filled.text;
      if (author !== undefined) text = setField(text, 'author', author);
      if (filled.unknown.length > 0) io.err(`Left as written in the archetype: ${filled.unknown.join(', ')}.`);
    } else {
      const opts: { title?: string; date: string; author?: string } = { date };
      if (title !== undefined) opts.title = title;
      if (author !== undefined) opts.author = author;
      // In a site whose posts use TOML or JSON front matter, the new post does too.
      text = convertFrontMatter(newRecapText(template, opts), siteFrontMatterFormat(path.resolve(file)) ?? 'yaml');
    }
    // createOnly closes the gap between the check above and the write.
    await createRecapService().saveRecap({ path: file, text, createOnly: !force });

    const from = archetype ? ` from the site's archetype ${path.relative(archetype.root, archetype.archetype.file)}` : '';
    io.out(`Created ${file}${from}${title ? ` — "${title.trim()}"` : ''}, ${date}.`);
    const todo = validateFrontMatter(text, siteRootAbove(path.resolve(file)) === null ? loadProfile() : profileForRecap(path.resolve(file))).filter((p) => p.code === 'required' && p.field !== undefined);
    if (todo.length > 0) io.out(`Still to fill in: ${todo.map((p) => p.field).join(', ')}. Then run: recap lint ${file}`);
    return 0;
  },
};

/** The Hugo archetype `recap new` uses for FILE (null: the built-in event-recap template). */
function pickArchetype(file: string, wanted: string | undefined): { archetype: Archetype; section: string; root: string } | null {
  if (wanted === 'event-recap') return null;
  const root = siteRootAbove(path.resolve(file));
  const site = root === null ? null : detectSite(root);
  const rel = root === null ? '' : path.relative(root, path.resolve(file)).split(path.sep).join('/');
  const section = sectionOf(rel, site?.languages ?? []) ?? 'posts';
  if (wanted !== undefined) {
    const all = root === null ? [] : listArchetypes(root);
    const hit = all.find((a) => a.name === wanted);
    if (!hit || root === null) {
      const names = ['event-recap', ...all.map((a) => a.name)];
      throw new UsageError(`--template "${wanted}" is not one of ${names.join(', ')}`, 'new');
    }
    return { archetype: hit, section, root };
  }
  if (site?.generator !== 'hugo' || root === null) return null;
  const archetype = archetypeFor(root, section);
  return archetype ? { archetype, section, root } : null;
}

type Edit =
  | { kind: 'set'; key: string; value: string; asList: boolean }
  | { kind: 'unset'; key: string };

/**
 * A front-matter key from the command line: letters, digits, `_`, `.` and `-` only. Anything
 * else (`:`, a newline, `#`, quotes, `{`) could write a second field or break the YAML, so it
 * is refused rather than guessed at.
 */
function fieldKey(key: string): string {
  if (!/^[A-Za-z0-9_.-]+$/.test(key)) {
    throw new UsageError(`${JSON.stringify(key)} cannot be a field name: use letters, digits, "_", "." and "-" only (e.g. featured_image)`, 'set');
  }
  return key;
}

function parseAssignment(arg: string, option: string | null): { key: string; value: string } {
  const eq = arg.indexOf('=');
  const shown = option ? `${option} ${arg}` : arg;
  if (eq === -1) throw new UsageError(`expected key=value, got "${shown}"`, 'set');
  const key = arg.slice(0, eq).trim();
  if (key === '') throw new UsageError(`expected key=value with a field name before "=", got "${shown}"`, 'set');
  return { key: fieldKey(key), value: arg.slice(eq + 1) };
}

const setCommand: Command = {
  name: 'set',
  summary: 'Change front-matter fields, touching only their lines.',
  usage: 'recap set FILE key=value [key=value…] [--list key=a,b] [--unset key]',
  details: [
    'YAML (---), TOML (+++) and JSON ({…}) front matter. A field keeps its type and style:',
    'draft=false in a boolean field writes a boolean, weight=2 in a number field a number,',
    'tags=a,b in a list a list (flow or block, as it was), and in a comma-separated string',
    'field (keywords) that string; a block scalar stays one. Other values are written as text',
    '(createTime=2021-11-02 stays a string), in the file\'s own quoting. A new field takes the',
    'type the site\'s other posts give it. cover.image=… edits the image key of the cover map.',
    'key= sets an empty value. Setting the value a field already holds changes no byte.',
  ],
  options: [
    { name: 'list', value: 'key=a,b', repeatable: true, help: 'Set a field as a list (also when it is new or a string).' },
    { name: 'unset', value: 'key', repeatable: true, help: 'Remove a field and its line(s).' },
    HELP_OPTION,
  ],
  examples: [
    'recap set post.md title="KCD China 2021 Recap" createTime=2021-11-02',
    'recap set post.md keywords=Community,Kubernetes,Cloud',
    'recap set post.md --list tags=kcd,china --unset draft',
    'recap set post.md draft=false weight=2 cover.image=/images/kcd.jpg',
  ],
  async run(args, io) {
    const [file] = args.positionals;
    if (file === undefined) throw new UsageError('which file? e.g. recap set post.md title="KCD China"', 'set');
    const edits: Edit[] = [];
    let seenFile = false;
    for (const token of args.tokens) {
      if (token.kind === 'positional') {
        if (!seenFile) {
          seenFile = true;
          continue;
        }
        edits.push({ kind: 'set', ...parseAssignment(token.value, null), asList: false });
      } else if (token.name === 'list' && token.value !== null) {
        edits.push({ kind: 'set', ...parseAssignment(token.value, '--list'), asList: true });
      } else if (token.name === 'unset' && token.value !== null) {
        const key = token.value.trim();
        if (key === '' || key.includes('=')) throw new UsageError(`--unset takes a field name, got "${token.value}"`, 'set');
        edits.push({ kind: 'unset', key: fieldKey(key) });
      }
    }
    if (edits.length === 0) throw new UsageError('nothing to set: give at least one key=value, --list key=a,b or --unset key', 'set');

    const { text: original, mtimeMs } = await readRecapFile(file);
    // The rules of the recap's own site: a Docusaurus post's tags are a list there.
    const profile = profileForRecap(path.resolve(file));
    let text = original;
    // A file without front matter in a site whose posts use TOML or JSON gets one in that format.
    const format = splitRecap(original).hasFrontMatter || splitRecap(original).unclosed ? null : siteFrontMatterFormat(path.resolve(file));
    const report: string[] = [];
    for (const edit of edits) {
      const before = getField(text, edit.key);
      if (edit.kind === 'unset') {
        text = removeField(text, edit.key);
        report.push(before === undefined ? `${edit.key}: not set, nothing to remove` : `${edit.key}: ${show(before)} → (removed)`);
        continue;
      }
      const type = profile.fields.find((f) => f.key === edit.key)?.type;
      const value: FieldValue = coerceInput(edit.value, before, {
        ...(type ? { type } : {}),
        asList: edit.asList,
        siteKind: before === undefined ? siteFieldKind(path.resolve(file), edit.key) : null,
      });
      text = setField(text, edit.key, value);
      const after = getField(text, edit.key);
      report.push(JSON.stringify(after) === JSON.stringify(before) ? `${edit.key}: unchanged (${show(before)})` : `${edit.key}: ${show(before)} → ${show(after)}`);
    }
    if (format !== null) text = convertFrontMatter(text, format);
    for (const line of report) io.out(line);
    if (text === original) {
      io.out(`${file}: nothing changed.`);
      return 0;
    }
    // expectMtimeMs: an editor that saved the file meanwhile is not overwritten.
    await createRecapService().saveRecap({ path: file, text, expectMtimeMs: mtimeMs });
    return 0;
  },
};

interface LintReport {
  file: string;
  rules: RulesInfo | null;
  problems: Problem[];
  errors: number;
  warnings: number;
}

const lintCommand: Command = {
  name: 'lint',
  summary: 'Check front matter, Markdown and local images.',
  usage: 'recap lint FILE… [--profile NAME] [--json]',
  details: [
    'Prints which rules apply and why (FILE: rules: …), then FILE:LINE:COLUMN severity message (code)',
    'for each problem, then a summary. Rules come from the site the file sits in (its generator,',
    'config and posts, or its .recap-studio.yml); outside any site only generic checks run, unless',
    '--profile names a built-in profile (hugo-news, hugo-bundle, jekyll, docusaurus).',
    'Exit status: 0 no problems, 1 errors or warnings found, 2 a file could not be read.',
    'With --json, prints one line per file: {"file", "rules", "problems", "errors", "warnings"}.',
  ],
  options: [
    { name: 'profile', value: 'NAME', help: 'Check with this built-in profile instead of the site\'s rules.' },
    { name: 'json', help: 'Machine-readable output, one JSON object per file.' },
    HELP_OPTION,
  ],
  examples: ['recap lint content/en/news/kcd-china.md', 'recap lint content/en/news/*.md --json', 'recap lint draft.md --profile jekyll'],
  async run(args, io) {
    const files = args.positionals;
    if (files.length === 0) throw new UsageError('which file? e.g. recap lint content/en/news/kcd-china.md', 'lint');
    const json = args.has('json');
    const profileName = args.value('profile');
    // A wrong name is a usage error before any file is read.
    const given = profileName === undefined ? null : rulesGiven(loadProfile(profileName), 'given with --profile');
    const service = createRecapService();
    let unreadable = false;
    let errors = 0;
    let warnings = 0;
    for (const file of files) {
      let text: string;
      try {
        text = (await readRecapFile(file)).text;
      } catch (err) {
        // One unreadable file does not hide the findings of the others.
        if (exitCodeFor(err) !== 2) throw err;
        io.err(errorLine(err));
        unreadable = true;
        continue;
      }
      const problems = await service.lintRecap({ text, path: path.resolve(file), ...(profileName !== undefined ? { profile: profileName } : {}) });
      const rules = (given ? rulesForPost(given, path.resolve(file)) : profileForRecap(path.resolve(file))).rules ?? null;
      const report: LintReport = {
        file,
        rules,
        problems,
        errors: problems.filter((p) => p.severity === 'error').length,
        warnings: problems.filter((p) => p.severity === 'warning').length,
      };
      errors += report.errors;
      warnings += report.warnings;
      if (json) {
        io.out(JSON.stringify(report));
        continue;
      }
      if (rules) io.out(`${file}: rules: ${rules.summary}`);
      for (const p of problems) io.out(`${file}:${p.line ?? 1}:${p.column ?? 1} ${p.severity} ${p.message} (${p.code})`);
      if (problems.length === 0) io.out(`${file}: no problems found.`);
    }
    if (!json && (errors > 0 || warnings > 0)) io.out(`${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
    if (unreadable) return 2;
    return errors + warnings > 0 ? 1 : 0;
  },
};

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

const addPhotosCommand: Command = {
  name: 'add-photos',
  summary: 'Make photos web-ready in the recap\'s image folder and link them.',
  usage: 'recap add-photos RECAP.md PHOTO… [--image-dir DIR] [--alt TEXT]… [--json]',
  details: [
    'Each photo is auto-oriented, scaled to the site profile\'s long edge (2000 px by default, never',
    'enlarged), converted to sRGB, re-encoded and stripped of metadata (GPS, serial numbers). The',
    'originals are only read. Files go to the recap\'s image folder (for the Hugo news profile',
    'static/images/news/DIR/) and ![alt](/images/news/DIR/name.jpg) links are added to the recap,',
    'after its photos section or at the end. A photo already in the folder is reused, not copied.',
    'DIR defaults to the folder the recap already links to, else the recap\'s file name.',
    'Exit status: 0 every photo imported, 1 some refused (each listed with why), 2 usage error or',
    'unreadable recap.',
  ],
  options: [
    { name: 'image-dir', value: 'DIR', help: 'Image folder name, e.g. kcd-china.' },
    { name: 'alt', value: 'TEXT', repeatable: true, help: 'Alt text of the photos, in order; default: from the file name.' },
    { name: 'json', help: 'Print {imported, refused} as JSON.' },
    HELP_OPTION,
  ],
  examples: [
    'recap add-photos content/en/news/kcd-china.md ~/Pictures/kcd/*.jpg',
    'recap add-photos post.md stage.jpg --alt "Keynote on the main stage" --image-dir kcd-china',
  ],
  async run(args, io) {
    const [recap, ...photos] = args.positionals;
    if (recap === undefined) throw new UsageError('which recap? e.g. recap add-photos post.md photo.jpg', 'add-photos');
    if (photos.length === 0) throw new UsageError(`which photos should be added to ${recap}? e.g. recap add-photos ${recap} ~/Pictures/*.jpg`, 'add-photos');
    const alts = args.values('alt');
    if (alts.length > photos.length) throw new UsageError(`${plural(alts.length, '--alt')} for ${plural(photos.length, 'photo')}`, 'add-photos');
    await readRecapFile(recap);
    const imageDir = args.value('image-dir');
    if (imageDir !== undefined && !isSafeImageDir(imageDir)) {
      throw new UsageError(`--image-dir "${imageDir}" is not a folder name: use one word of letters, digits, dashes, dots or underscores (e.g. kcd-china)`, 'add-photos');
    }
    const result = await createPhotoLibrary().addPhotosToRecap(path.resolve(recap), photos.map((p) => path.resolve(p)), {
      ...(imageDir !== undefined ? { imageDir } : {}),
      alts,
    });
    if (args.has('json')) {
      io.out(JSON.stringify({ recap, imported: result.imported, refused: result.refused }));
    } else {
      for (const r of result.imported) {
        const p = r.photo;
        io.out(`${r.reused ? 'reused  ' : 'imported'} ${p.url}  ${p.width}×${p.height}, ${size(p.bytes)}  ![${r.alt}]`);
      }
      for (const r of result.refused) io.err(`recap: refused ${r.source}: ${r.message}`);
      io.out(`${recap}: ${plural(result.imported.length, 'photo')} added, ${result.refused.length} refused.`);
    }
    return result.refused.length > 0 ? 1 : 0;
  },
};

function exportTargetOf(args: ParsedArgs): ExportTarget {
  const given = (['site', 'out', 'zip'] as const).filter((o) => args.has(o));
  if (given.length !== 1) {
    throw new UsageError(given.length === 0 ? 'where to? give one of --site DIR, --out DIR or --zip FILE' : `give only one of --site, --out and --zip, got ${given.map((g) => `--${g}`).join(' and ')}`, 'export');
  }
  const value = args.value(given[0] as string) ?? '';
  if (given[0] === 'site') return { kind: 'site', dir: path.resolve(value) };
  if (given[0] === 'out') return { kind: 'folder', dir: path.resolve(value) };
  if (!/\.zip$/i.test(value)) throw new UsageError(`--zip ${value}: the file name should end in .zip`, 'export');
  return { kind: 'zip', file: path.resolve(value) };
}

const exportCommand: Command = {
  name: 'export',
  summary: 'Write the recap and its photos where the site expects them (or a folder, or a .zip).',
  usage: 'recap export RECAP.md (--site DIR | --out DIR | --zip FILE) [--profile NAME] [--dry-run] [--overwrite] [--json]',
  details: [
    'Checks the recap first (required fields, broken or remote images, unused photos, image sizes,',
    'accidental code blocks, a slug already taken…); errors stop the export, warnings do not.',
    'The post goes to the site profile\'s path (hugo-news: content/<lang>/news/<slug>.md) and its',
    'images to the profile\'s folder (static/images/news/<dir>/), links rewritten to the public form.',
    'Existing files that differ are never replaced without --overwrite; re-exporting updates this',
    'recap\'s own files and removes the images it exported before and no longer uses. The export is',
    'atomic: on any failure the target is left exactly as it was.',
    'Exit status: 0 written (or nothing to change), 1 preflight errors or existing files refused,',
    '2 usage error or unreadable recap.',
  ],
  options: [
    { name: 'site', value: 'DIR', help: 'Export into a site checkout (its profile is detected).' },
    { name: 'out', value: 'DIR', help: 'Export into a folder with the site\'s layout.' },
    { name: 'zip', value: 'FILE', help: 'Export as a .zip of that folder.' },
    { name: 'profile', value: 'NAME', help: 'Site profile: hugo-news, hugo-bundle, jekyll, docusaurus.' },
    { name: 'slug', value: 'NAME', help: 'The post\'s name in the site; default: the recap\'s file name.' },
    { name: 'lang', value: 'LANG', help: 'Language folder for {lang}; default: the recap\'s, else the site\'s.' },
    { name: 'leave-out-unused', help: 'Leave out photos of the folder that the text does not use.' },
    { name: 'dry-run', help: 'Check and list what would be written; write nothing.' },
    { name: 'overwrite', help: 'Replace existing files that differ.' },
    { name: 'json', help: 'Print the report as JSON.' },
    HELP_OPTION,
  ],
  examples: [
    'recap export content/en/news/kcd-china.md --site ~/src/website',
    'recap export kcd-china.md --out /tmp/kcd --profile hugo-bundle --dry-run',
    'recap export kcd-china.md --zip kcd-china.zip',
  ],
  async run(args, io) {
    const [recap, ...extra] = args.positionals;
    if (recap === undefined) throw new UsageError('which recap? e.g. recap export kcd-china.md --site ~/src/website', 'export');
    if (extra.length > 0) throw new UsageError(`recap export takes one RECAP.md, got also "${extra.join(' ')}"`, 'export');
    const target = exportTargetOf(args);
    const text = (await readRecapFile(recap)).text;
    const profile = args.value('profile');
    if (profile !== undefined) loadProfile(profile);
    const slug = args.value('slug');
    const lang = args.value('lang');
    const req: ExportRequest = {
      recapPath: path.resolve(recap),
      text,
      target,
      ...(profile !== undefined ? { profile } : {}),
      ...(slug !== undefined ? { slug } : {}),
      ...(lang !== undefined ? { lang } : {}),
      dryRun: args.has('dry-run'),
      overwrite: args.has('overwrite'),
      leaveOutUnused: args.has('leave-out-unused'),
    };
    const json = args.has('json');
    let report: ExportReport;
    try {
      report = await exportRecap(req);
    } catch (err) {
      if (!(err instanceof ExportConflictError)) throw err;
      if (json) {
        io.out(JSON.stringify({ written: false, error: err.toJSON(), conflicts: err.files }));
      } else {
        io.err(errorLine(err));
        for (const f of err.files) io.err(`  exists  ${f}`);
        io.err(`Add --overwrite to replace ${err.files.length === 1 ? 'it' : 'them'}.`);
      }
      return 1;
    }
    const errors = report.problems.filter((p) => p.severity === 'error').length;
    const refused = errors > 0 || (report.dryRun && report.conflicts.length > 0);
    if (json) {
      io.out(JSON.stringify(report));
      return refused ? 1 : 0;
    }
    for (const p of report.problems) {
      io.out(`${p.line !== undefined ? `${recap}:${p.line}:${p.column ?? 1}` : recap} ${p.severity} ${p.message} (${p.code})`);
    }
    const where = target.kind === 'zip' ? target.file : target.dir;
    if (errors > 0) {
      io.out(`${plural(errors, 'error')}: nothing was exported. Fix ${errors === 1 ? 'it' : 'them'} and export again.`);
      return 1;
    }
    io.out(`${report.dryRun ? 'Would export' : 'Exported'} ${report.post ?? recap} to ${where} (profile ${report.profile}):`);
    const width = 9;
    for (const f of report.files) {
      const state = report.dryRun && report.conflicts.includes(f.path) ? 'exists' : f.status;
      io.out(`  ${state.padEnd(width)} ${f.path}`);
    }
    if (report.zip) io.out(`  ${report.zip.file}: ${plural(report.zip.entries, 'file')}, ${size(report.zip.bytes)}`);
    if (report.dryRun && report.conflicts.length > 0) {
      io.out(`${plural(report.conflicts.length, 'existing file')} differ${report.conflicts.length === 1 ? 's' : ''}; add --overwrite to replace ${report.conflicts.length === 1 ? 'it' : 'them'}.`);
    }
    if (report.gitStatus !== null) {
      io.out('git status --short:');
      for (const line of report.gitStatus.split('\n').filter((l) => l !== '')) io.out(`  ${line}`);
    }
    const n = (list: string[]): number => list.length;
    if (!report.dryRun) {
      io.out(report.written
        ? `${n(report.added)} added, ${n(report.changed)} changed, ${n(report.unchanged)} unchanged, ${n(report.removed)} removed.`
        : 'Nothing to change: the target already has this export.');
    }
    return refused ? 1 : 0;
  },
};

const COMMANDS: Command[] = [newCommand, setCommand, lintCommand, addPhotosCommand, exportCommand];

// ---------------------------------------------------------------------------------------
// Help and entry point

function version(): string {
  // package.json sits above both electron/ (tsx) and dist/electron/ (built).
  let dir = __dirname;
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'recap-studio' && typeof pkg.version === 'string') return pkg.version;
    }
    const up = path.dirname(dir);
    if (up === dir) return 'unknown';
    dir = up;
  }
}

function optionLines(options: OptionSpec[]): string[] {
  const left = options.map((o) => `  --${o.name}${o.value ? ` ${o.value}` : ''}`);
  const width = Math.max(...left.map((l) => l.length)) + 2;
  return options.map((o, i) => `${(left[i] ?? '').padEnd(width)}${o.help}`);
}

function commandHelp(c: Command): string {
  return [
    `Usage: ${c.usage}`,
    '',
    c.summary,
    ...c.details,
    '',
    'Options:',
    ...optionLines(c.options),
    '',
    'Examples:',
    ...c.examples.map((e) => `  ${e}`),
  ].join('\n');
}

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    'recap — create, check and edit event recaps of a static website from the terminal.',
    '',
    'Usage: recap <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    `  ${'help'.padEnd(width)}Show the help of a command: recap help set`,
    '',
    ...COMMANDS.flatMap((c) => [`${c.usage}`, ...c.examples.map((e) => `  ${e}`), '']),
    'Exit status: 0 success, 1 problems found or refused, 2 usage error or unreadable file.',
    'Options for every command: --help. Also: recap --version.',
  ].join('\n');
}

/** "Cannot open x.md: …" reads as "recap: cannot open x.md: …", as other tools write it. */
function errorLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const lowered = /^[A-Z][a-z]/.test(message) ? message[0]?.toLowerCase() + message.slice(1) : message;
  return `recap: ${lowered}`;
}

export async function main(argv: string[], io: Io = processIo): Promise<ExitCode> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.err(mainHelp());
    return 2;
  }
  if (first === '--help' || first === '-h') {
    io.out(mainHelp());
    return 0;
  }
  if (first === '--version' || first === '-v') {
    io.out(version());
    return 0;
  }
  if (first === 'help') {
    const topic = rest[0];
    const command = COMMANDS.find((c) => c.name === topic);
    if (topic !== undefined && !command) {
      io.err(`recap: there is no command "${topic}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}.`);
      return 2;
    }
    io.out(command ? commandHelp(command) : mainHelp());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) {
    io.err(`recap: unknown command "${first}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}; see recap --help.`);
    return 2;
  }
  const helpAsked = (a: string): boolean => a === '--help' || a === '-h';
  const end = rest.indexOf('--');
  if ((end === -1 ? rest : rest.slice(0, end)).some(helpAsked)) {
    io.out(commandHelp(command));
    return 0;
  }
  try {
    return await command.run(parseArgs(command.name, rest, command.options), io);
  } catch (err) {
    const code = exitCodeFor(err);
    io.err(errorLine(err));
    if (err instanceof UsageError) io.err(`Usage: ${command.usage}   (recap ${command.name} --help for more)`);
    else if (!(err instanceof RecapError) && process.env['RECAP_DEBUG']) io.err(String(err instanceof Error ? err.stack : err));
    return code;
  }
}

/** Entry point for bin/recap.js and `node dist/electron/cli/index.js`. */
export function run(): void {
  // `recap lint … | head` closes stdout early; that is not an error worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${errorLine(err)}\n`);
      process.exitCode = exitCodeFor(err);
    },
  );
}

if (require.main === module) run();
