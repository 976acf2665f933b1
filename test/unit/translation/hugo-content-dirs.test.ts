// A Hugo site that translates by content directory, as Hugo's own documentation shows it
// (`[languages.en] contentDir = 'content/english'`, `[languages.fr] contentDir = 'content/french'`):
// a post's translation is the same path in the other language's folder, read as that language's,
// found from either side, exported with its source into that folder; a new post goes to the
// default language's folder, in its sections, never another language's.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectSite, sitePlaces } from '../../../electron/service/site/site';
import { cliInProcess } from '../support/cli-run';
import { writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('hugo-content-dirs');

const CONFIG = ['baseURL = "https://example.org/"', 'defaultContentLanguage = "en"', '[languages.en]', 'contentDir = "content/english"', 'languageName = "English"', '[languages.fr]', 'contentDir = "content/french"', 'languageName = "Français"', ''].join('\n');
const post = (title: string): string => ['+++', `title = "${title}"`, 'date = 2024-05-01', '+++', '', 'The day.', ''].join('\n');

async function site(name: string): Promise<string> {
  const root = path.join(temp.dir(), name);
  await writeText(path.join(root, 'hugo.toml'), CONFIG);
  for (const n of ['kcd-porto', 'kcd-lisbon']) await writeText(path.join(root, 'content/english/blog', `${n}.md`), post(n));
  await writeText(path.join(root, 'content/english/events/meetup.md'), post('Meetup'));
  for (const n of ['a', 'b', 'c']) await writeText(path.join(root, 'content/french/blog', `${n}.md`), post(n));
  await writeText(path.join(root, 'content/french/blog/kcd-porto.md'), post('KCD Porto (fr)'));
  return root;
}

describe('a Hugo site that translates by content directory', () => {
  it("translates a post into the other language's folder, and knows the pair from either side", async () => {
    const root = await site('translate');
    const run = await cliInProcess('translate', path.join(root, 'content/english/blog/kcd-lisbon.md'), '--lang', 'fr');
    expect([run.code, run.out.trim()]).toEqual([0, path.join(root, 'content/french/blog/kcd-lisbon.md')]);
    const set = await temp.service().translationsOf({ path: path.join(root, 'content/french/blog/kcd-porto.md') });
    expect([path.relative(root, set.source), set.entries.map((e) => [e.lang, path.relative(root, e.path), e.exists])]).toEqual([
      'content/english/blog/kcd-porto.md',
      [['en', 'content/english/blog/kcd-porto.md', true], ['fr', 'content/french/blog/kcd-porto.md', true]],
    ]);
    const again = await cliInProcess('translate', path.join(root, 'content/english/blog/kcd-porto.md'), '--lang', 'fr');
    expect(again.code).not.toBe(0);
    expect(await fs.readFile(path.join(root, 'content/french/blog/kcd-porto.md'), 'utf8')).toBe(post('KCD Porto (fr)'));
    expect(await temp.service().lintRecap({ text: post('x'), path: path.join(root, 'content/french/blog/kcd-lisbon.md') })).toEqual([]);
  });

  it("exports a post with its translation into another checkout, each into its language's folder", async () => {
    const root = await site('export');
    const other = path.join(temp.dir(), 'fork');
    await writeText(path.join(other, 'hugo.toml'), CONFIG);
    await writeText(path.join(other, 'content/english/blog/old.md'), post('Old'));
    const source = path.join(root, 'content/english/blog/kcd-porto.md');
    const report = await temp.service().exportRecap({ recapPath: source, target: { kind: 'site', dir: other }, withTranslations: true });
    expect([report.written, report.problems, report.files.map((f) => f.path).sort()]).toEqual([true, [], ['content/english/blog/kcd-porto.md', 'content/french/blog/kcd-porto.md']]);
    // The translation alone goes to its own folder too.
    const alone = await temp.service().exportRecap({ recapPath: path.join(root, 'content/french/blog/kcd-porto.md'), target: { kind: 'folder', dir: path.join(temp.dir(), 'out') }, dryRun: true });
    expect(alone.post).toBe('content/french/blog/kcd-porto.md');
  });

  it("a content folder the config points out of the site is none: nothing is read or written there", async () => {
    const root = await site('hostile');
    const outside = path.join(temp.dir(), 'outside');
    await writeText(path.join(outside, 'blog/kcd-porto.md'), post('secret'));
    await writeText(path.join(root, 'hugo.toml'), CONFIG.replace('contentDir = "content/french"', 'contentDir = "../outside"'));
    const run = await cliInProcess('translate', path.join(root, 'content/english/blog/kcd-lisbon.md'), '--lang', 'fr');
    // Without a content folder for every language, the site translates by file name, beside the source.
    expect([run.code, run.out.trim()]).toEqual([0, path.join(root, 'content/english/blog/kcd-lisbon.fr.md')]);
    expect(await fs.readdir(path.join(outside, 'blog'))).toEqual(['kcd-porto.md']);
  });

  it("a new post goes to the default language's folder, in its sections, never another language's", async () => {
    const root = await site('new');
    const info = detectSite(root);
    expect(info.profile.post).toBe('content/english/{section}/{slug}.md');
    expect(sitePlaces(info)?.map((p) => p.folder)).toEqual(['content/english/blog/', 'content/english/events/']);
  });
});
