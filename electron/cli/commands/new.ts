// `recap new`: a recap from the event-recap template, the Hugo site's archetype, or a saved
// template (`--template NAME`: the site's .recap-studio/templates/NAME.md, or the app's).

import { existsSync, promises as fs, statSync } from 'node:fs';
import * as path from 'node:path';
import { RecapError } from '../../core/errors';
import { convertFrontMatter, setField } from '../../core/frontmatter/frontmatter';
import { validateFrontMatter } from '../../core/recap/lint';
import { dateErrorMsg } from '../../core/recap/lint-problem';
import { newRecapText, slugify } from '../../core/recap/template';
import type { TemplateRef } from '../../core/contract';
import { defaultDraftsHome } from '../../service/drafts/drafts';
import { archetypeFor, listArchetypes, sectionOf } from '../../service/site/archetypes';
import { textFromTemplate } from '../../service/templates/from-template';
import { BUILTIN_TEMPLATE, listTemplates } from '../../service/templates/templates';
import { assetPath, loadProfile } from '../../service/site/profile';
import { detectGenerator, detectSite, looksLikeSite, profileForRecap, siteFrontMatterFormat, siteRootAbove } from '../../service/site/site';
import { scanSite } from '../../service/site/site-rules';
import { hasPostShape } from '../../service/templates/site-recap';
import { createRecapService } from '../../service/service';
import { HELP_OPTION, type Command, type ParsedArgs } from '../args';
import { say, sayMsg, UsageError, type Io } from '../output';
import { msg } from '../../core/i18n/messages';

interface PickedTemplate {
  ref: TemplateRef;
  section: string;
  /** The site the template comes from (null: built-in or the app's). */
  root: string | null;
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

/** The site whose templates `recap new` offers: --site DIR, else the site FILE is in. */
function siteFor(file: string, given: string | undefined): string | null {
  if (given === undefined) return siteRootAbove(path.resolve(file));
  const root = path.resolve(given);
  if (!isDirectory(root) || !looksLikeSite(root)) throw new UsageError(say('templates.cliNotSite', { dir: given }), 'new');
  return root;
}

/** Which template a source wins a name with: the site's saved one, its archetype, then the app's. */
const RANK: Record<TemplateRef['source'], number> = { builtin: 0, site: 1, archetype: 2, app: 3, posts: 4 };

/**
 * The template `recap new` uses for FILE: --template NAME, else the Hugo section's archetype,
 * else the event recap shaped like the site's posts, else the built-in one.
 */
function pickTemplate(file: string, args: ParsedArgs): PickedTemplate {
  const wanted = args.value('template');
  const root = siteFor(file, args.value('site'));
  const site = root === null ? null : detectSite(root);
  const rel = root === null ? '' : path.relative(root, path.resolve(file)).split(path.sep).join('/');
  const section = sectionOf(rel, site?.languages ?? [], site?.contentDir) ?? 'posts';
  const builtin: PickedTemplate = { ref: { source: 'builtin', name: BUILTIN_TEMPLATE, site: null }, section, root: null };
  if (wanted === undefined) {
    if (root === null) return builtin;
    const archetype = site?.generator === 'hugo' ? archetypeFor(root, section) : null;
    if (archetype) return { ref: { source: 'archetype', name: archetype.name, site: root }, section, root };
    return hasPostShape(root, site?.generator ?? null) ? { ref: { source: 'posts', name: BUILTIN_TEMPLATE, site: root }, section, root } : builtin;
  }
  const all = listTemplates(root === null ? [] : [{ root, generator: site?.generator ?? null, section }], defaultDraftsHome());
  const hit = all.filter((t) => t.name === wanted).sort((a, b) => RANK[a.source] - RANK[b.source])[0];
  if (!hit) throw new UsageError(say('templates.cliUnknown', { name: wanted, names: [...new Set(all.map((t) => t.name))].join(', ') }), 'new');
  return { ref: hit, section, root: hit.site };
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

/** The text of the new recap: the template filled in (the built-in one in the site's front-matter format). */
function recapText(file: string, date: string, template: string, picked: PickedTemplate, args: ParsedArgs, io: Io): string {
  const title = args.value('title');
  const author = args.value('author');
  if (picked.ref.source !== 'builtin') {
    const name = path.basename(file).replace(/\.(md|markdown|mdx)$/i, '');
    // A post shaped like the site's gets the day --date or the local calendar gives.
    const dateTime = args.value('date') || picked.ref.source === 'posts' ? `${date}T00:00:00Z` : new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const vars = { name: /^index$/i.test(name) ? path.basename(path.dirname(path.resolve(file))) : name, section: picked.section, dateTime, builtin: template, dataDir: defaultDraftsHome() };
    const filled = textFromTemplate(picked.ref, { ...vars, ...(title !== undefined ? { title } : {}) });
    let text = filled.text;
    if (author !== undefined) text = setField(text, 'author', author);
    if (filled.left.length > 0) io.err(say('templates.leftForYou', { list: filled.left.join(', ') }));
    return text;
  }
  const opts: { title?: string; date: string; author?: string } = { date };
  if (title !== undefined) opts.title = title;
  if (author !== undefined) opts.author = author;
  // In a site whose posts use TOML or JSON front matter, the new post does too.
  return convertFrontMatter(newRecapText(template, opts), siteFrontMatterFormat(path.resolve(file)) ?? 'yaml');
}

/** "from the site's archetype archetypes/default.md", "from the template meetup", or nothing. */
function fromWhat(picked: PickedTemplate): string {
  const { ref, root } = picked;
  if (ref.source === 'archetype' && root !== null) {
    const a = listArchetypes(root).find((x) => x.name === ref.name);
    return a ? ` ${say('templates.cliFromArchetype', { file: path.relative(root, a.file).split(path.sep).join('/') })}` : '';
  }
  if (ref.source === 'posts' && root !== null) {
    const newest = scanSite(root, detectGenerator(root)?.generator ?? null).newest;
    return newest ? ` ${say('templates.cliFromPosts', { file: newest.rel })}` : '';
  }
  return ref.source === 'site' || ref.source === 'app' ? ` ${say('templates.cliFromTemplate', { name: ref.name })}` : '';
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
  const picked = pickTemplate(file, args);
  // Said before the file is written: a post shaped like the site's names the post it read.
  const from = fromWhat(picked);
  const text = recapText(file, date, template, picked, args, io);
  // createOnly closes the gap between the check above and the write.
  await createRecapService().saveRecap({ path: file, text, createOnly: !force });

  io.out(say('cli.new.created', { file, from, title: title ? say('cli.new.titled', { title: title.trim() }) : '', date }));
  const todo = validateFrontMatter(text, siteRootAbove(path.resolve(file)) === null ? loadProfile() : profileForRecap(path.resolve(file))).filter((p) => p.code === 'required' && p.field !== undefined);
  if (todo.length > 0) io.out(say('cli.new.todo', { fields: todo.map((p) => p.field).join(', '), file }));
  return 0;
}

export const newCommand: Command = {
  name: 'new',
  summary: 'cli.new.summaryLine',
  usage: 'recap new FILE [--title T] [--author A] [--date YYYY-MM-DD] [--template NAME [--site DIR]] [--force]',
  details: 'cli.new.details',
  helpParams: { hugo: '{{ … }}' },
  options: [
    { name: 'title', value: 'T', help: 'cli.new.opt.title' },
    { name: 'author', value: 'A', help: 'cli.new.opt.author' },
    { name: 'date', value: 'YYYY-MM-DD', help: 'cli.new.opt.date' },
    { name: 'template', value: 'NAME', help: 'templates.cliOptionTemplate' },
    { name: 'site', value: 'DIR', help: 'templates.cliOptionSite' },
    { name: 'force', help: 'cli.new.opt.force' },
    HELP_OPTION,
  ],
  examples: [
    'recap new content/en/news/kcd-china.md --title "Kubernetes Community Days China Recap" --date 2021-11-02',
    'recap new content/en/news/ --title "KCD Beijing"      # writes content/en/news/kcd-beijing.md',
    'recap new content/posts/june-meetup.md --template meetup --title "June Meetup"',
  ],
  run: runNew,
};
