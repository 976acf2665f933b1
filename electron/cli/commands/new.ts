// `recap new`: a recap from the event-recap template, or from the Hugo site's archetype.

import { existsSync, promises as fs, statSync } from 'node:fs';
import * as path from 'node:path';
import { RecapError } from '../../core/errors';
import { convertFrontMatter, setField } from '../../core/frontmatter/frontmatter';
import { dateError, validateFrontMatter } from '../../core/recap/lint';
import { newRecapText, slugify } from '../../core/recap/template';
import { archetypeFor, fillArchetype, listArchetypes, readArchetype, sectionOf, templateBody, type Archetype } from '../../service/site/archetypes';
import { assetPath, loadProfile } from '../../service/site/profile';
import { detectSite, profileForRecap, siteFrontMatterFormat, siteRootAbove } from '../../service/site/site';
import { createRecapService } from '../../service/service';
import { HELP_OPTION, type Command, type ParsedArgs } from '../args';
import { UsageError, type Io } from '../output';
import { msg } from '../../core/i18n/messages';

interface PickedArchetype {
  archetype: Archetype;
  section: string;
  root: string;
}

function todayLocal(): string {
  const d = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The Hugo archetype `recap new` uses for FILE (null: the built-in event-recap template). */
function pickArchetype(file: string, wanted: string | undefined): PickedArchetype | null {
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

/** The --date given (checked), else today. */
function eventDate(args: ParsedArgs): string {
  const date = args.value('date') ?? todayLocal();
  const why = dateError(date);
  if (why !== null) {
    const shape = /^\d{4}-\d{2}-\d{2}$/.test(date) ? 'a real date' : 'a date written YYYY-MM-DD';
    throw new UsageError(`--date "${date}" is not ${shape}: ${why}`, 'new');
  }
  return date;
}

/** The text of the new recap: the archetype filled in, else the built-in template. */
function recapText(file: string, date: string, template: string, archetype: PickedArchetype | null, args: ParsedArgs, io: Io): string {
  const title = args.value('title');
  const author = args.value('author');
  if (archetype) {
    const name = path.basename(file).replace(/\.(md|markdown|mdx)$/i, '');
    const vars = { name: /^index$/i.test(name) ? path.basename(path.dirname(path.resolve(file))) : name, section: archetype.section, date: args.value('date') ? `${date}T00:00:00Z` : new Date().toISOString().replace(/\.\d+Z$/, 'Z') };
    const filled = fillArchetype(readArchetype(archetype.archetype), { ...vars, ...(title !== undefined ? { title } : {}) }, templateBody(template));
    let text = filled.text;
    if (author !== undefined) text = setField(text, 'author', author);
    if (filled.unknown.length > 0) io.err(`Left as written in the archetype: ${filled.unknown.join(', ')}.`);
    return text;
  }
  const opts: { title?: string; date: string; author?: string } = { date };
  if (title !== undefined) opts.title = title;
  if (author !== undefined) opts.author = author;
  // In a site whose posts use TOML or JSON front matter, the new post does too.
  return convertFrontMatter(newRecapText(template, opts), siteFrontMatterFormat(path.resolve(file)) ?? 'yaml');
}

async function runNew(args: ParsedArgs, io: Io): Promise<0> {
  const [target, ...extra] = args.positionals;
  if (target === undefined) throw new UsageError('which file should the recap be written to? e.g. recap new kcd-china.md', 'new');
  if (extra.length > 0) throw new UsageError(`recap new takes one FILE, got also "${extra.join(' ')}"`, 'new');
  const date = eventDate(args);
  const title = args.value('title');
  const file = target.endsWith('/') || target.endsWith(path.sep) || isDirectory(target)
    ? path.join(target, `${slugify(title ?? '')}.md`)
    : target;
  const force = args.has('force');
  if (!force && existsSync(file)) throw new RecapError('EXISTS', msg('error.cliExists', { file }));

  const template = await fs.readFile(assetPath('templates', 'event-recap.md'), 'utf8');
  const archetype = pickArchetype(file, args.value('template'));
  const text = recapText(file, date, template, archetype, args, io);
  // createOnly closes the gap between the check above and the write.
  await createRecapService().saveRecap({ path: file, text, createOnly: !force });

  const from = archetype ? ` from the site's archetype ${path.relative(archetype.root, archetype.archetype.file)}` : '';
  io.out(`Created ${file}${from}${title ? ` — "${title.trim()}"` : ''}, ${date}.`);
  const todo = validateFrontMatter(text, siteRootAbove(path.resolve(file)) === null ? loadProfile() : profileForRecap(path.resolve(file))).filter((p) => p.code === 'required' && p.field !== undefined);
  if (todo.length > 0) io.out(`Still to fill in: ${todo.map((p) => p.field).join(', ')}. Then run: recap lint ${file}`);
  return 0;
}

export const newCommand: Command = {
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
  run: runNew,
};
