// `recap new`: a recap from the event-recap template, or from the Hugo site's archetype.

import { existsSync, promises as fs, statSync } from 'node:fs';
import * as path from 'node:path';
import { RecapError } from '../../core/errors';
import { convertFrontMatter, setField } from '../../core/frontmatter/frontmatter';
import { validateFrontMatter } from '../../core/recap/lint';
import { dateErrorMsg } from '../../core/recap/lint-frontmatter';
import { newRecapText, slugify } from '../../core/recap/template';
import { archetypeFor, fillArchetype, listArchetypes, readArchetype, sectionOf, templateBody, type Archetype } from '../../service/site/archetypes';
import { assetPath, loadProfile } from '../../service/site/profile';
import { detectSite, profileForRecap, siteFrontMatterFormat, siteRootAbove } from '../../service/site/site';
import { createRecapService } from '../../service/service';
import { HELP_OPTION, type Command, type ParsedArgs } from '../args';
import { say, sayMsg, UsageError, type Io } from '../output';
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
      throw new UsageError(say('cli.new.badTemplate', { name: wanted, names: names.join(', ') }), 'new');
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
  const why = dateErrorMsg(date);
  if (why !== null) {
    const key = /^\d{4}-\d{2}-\d{2}$/.test(date) ? 'cli.new.unrealDate' : 'cli.new.badDate';
    throw new UsageError(say(key, { date, why: sayMsg(why) }), 'new');
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
    if (filled.unknown.length > 0) io.err(say('cli.new.leftAsWritten', { names: filled.unknown.join(', ') }));
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
  if (target === undefined) throw new UsageError(say('cli.new.whichFile'), 'new');
  if (extra.length > 0) throw new UsageError(say('cli.new.oneFile', { extra: extra.join(' ') }), 'new');
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

  const from = archetype ? say('cli.new.fromArchetype', { path: path.relative(archetype.root, archetype.archetype.file) }) : '';
  io.out(say('cli.new.created', { file, from, title: title ? say('cli.new.titled', { title: title.trim() }) : '', date }));
  const todo = validateFrontMatter(text, siteRootAbove(path.resolve(file)) === null ? loadProfile() : profileForRecap(path.resolve(file))).filter((p) => p.code === 'required' && p.field !== undefined);
  if (todo.length > 0) io.out(say('cli.new.todo', { fields: todo.map((p) => p.field).join(', '), file }));
  return 0;
}

export const newCommand: Command = {
  name: 'new',
  summary: 'cli.new.summaryLine',
  usage: 'recap new FILE [--title T] [--author A] [--date YYYY-MM-DD] [--template NAME] [--force]',
  details: 'cli.new.details',
  helpParams: { hugo: '{{ … }}' },
  options: [
    { name: 'title', value: 'T', help: 'cli.new.opt.title' },
    { name: 'author', value: 'A', help: 'cli.new.opt.author' },
    { name: 'date', value: 'YYYY-MM-DD', help: 'cli.new.opt.date' },
    { name: 'template', value: 'NAME', help: 'cli.new.opt.template' },
    { name: 'force', help: 'cli.new.opt.force' },
    HELP_OPTION,
  ],
  examples: [
    'recap new content/en/news/kcd-china.md --title "Kubernetes Community Days China Recap" --date 2021-11-02',
    'recap new content/en/news/ --title "KCD Beijing"      # writes content/en/news/kcd-beijing.md',
  ],
  run: runNew,
};
