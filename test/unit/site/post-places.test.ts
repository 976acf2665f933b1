// A site that keeps its posts in several folders (Hugo sections, Jekyll category folders): a new
// post goes where most posts are, or to the section the author picks at export (`section`), in
// that section's own shape (its years' folders), and a later export keeps it there.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectSite, sitePlaces } from '../../../electron/service/site/site';
import { cliInProcess } from '../support/cli-run';
import { REFERENCE, REFERENCE_IMAGES, REFERENCE_NAME, makeDraft, png, writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('post-places');

const hugoPost = (title: string): string => ['---', `title: "${title}"`, 'createTime: "2024-03-01"', '---', '', 'The day.', ''].join('\n');
/** A post of a site not laid out as the reference one: Hugo dates it by its `date` field. */
const datedPost = (title: string, date = '2024-03-01'): string => hugoPost(title).replace('createTime: "2024-03-01"', `date: ${date}`);

/** The reference site's layout (news in language folders, photos in static/) with an events section in years' folders and a docs page. */
async function referenceSite(name: string): Promise<string> {
  const site = path.join(temp.dir(), name);
  await writeText(path.join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\ndefaultContentLanguage = "en"\n');
  await writeText(path.join(site, 'content/en/news', REFERENCE_NAME), REFERENCE);
  for (const [i, n] of REFERENCE_IMAGES.entries()) await png(path.join(site, 'static/images/news/kcd-china', n), i);
  await writeText(path.join(site, 'content/en/news/spring.md'), hugoPost('Spring'));
  await writeText(path.join(site, 'content/zh/news/spring.md'), hugoPost('春季'));
  await writeText(path.join(site, 'content/en/events/2023/kcd-lisbon.md'), hugoPost('KCD Lisbon'));
  await writeText(path.join(site, 'content/en/events/2024/kcd-porto.md'), hugoPost('KCD Porto'));
  await writeText(path.join(site, 'content/en/about/index.md'), hugoPost('About'));
  return site;
}

async function draft(name: string, text: string): Promise<string> {
  return writeText(path.join(temp.dir(), 'drafts', name, 'recap.md'), text);
}

describe('the folders a site keeps its posts in', () => {
  it('Hugo: one place a section, the usual one first, each in its own shape; a page bundle at the language root is none', async () => {
    const site = await referenceSite('hugo');
    const info = detectSite(site);
    expect(info.profile.post).toBe('content/{lang}/news/{slug}.md');
    expect(sitePlaces(info)).toEqual([
      { name: 'news', folder: 'content/<lang>/news/', post: 'content/{lang}/news/{slug}.md' },
      { name: 'events', folder: 'content/<lang>/events/<year>/', post: 'content/{lang}/events/{year}/{slug}.md' },
    ]);

    // Without language folders, page bundles: content/<section>/, the posts' shape kept.
    const plain = path.join(temp.dir(), 'bundles');
    await writeText(path.join(plain, 'config.toml'), 'baseURL = "https://example.org/"\n');
    for (const n of ['a', 'b', 'c']) await writeText(path.join(plain, 'content/blog', n, 'index.md'), hugoPost(n));
    await writeText(path.join(plain, 'content/meetups/berlin/index.md'), hugoPost('Berlin'));
    expect(sitePlaces(detectSite(plain))).toEqual([
      { name: 'blog', folder: 'content/blog/', post: 'content/{section}/{slug}/index.md' },
      { name: 'meetups', folder: 'content/meetups/', post: 'content/meetups/{slug}/index.md' },
    ]);
  });

  it("Hugo with posts in years' and months' folders (content/posts/2024/05/): each section's new post in its date's folders; export writes it there", async () => {
    const site = path.join(temp.dir(), 'monthly');
    await writeText(path.join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\n');
    for (const rel of ['03/a', '05/b', '05/c']) await writeText(path.join(site, `content/posts/2024/${rel}.md`), datedPost(rel));
    await writeText(path.join(site, 'content/events/2023/kcd-lisbon.md'), datedPost('KCD Lisbon'));
    await writeText(path.join(site, 'content/talks/2024/11/gitops.md'), datedPost('GitOps'));
    expect(sitePlaces(detectSite(site))).toEqual([
      { name: 'posts', folder: 'content/posts/<year>/<month>/', post: 'content/{section}/{year}/{month}/{slug}.md' },
      { name: 'events', folder: 'content/events/<year>/', post: 'content/events/{year}/{slug}.md' },
      { name: 'talks', folder: 'content/talks/<year>/<month>/', post: 'content/talks/{year}/{month}/{slug}.md' },
    ]);
    const text = datedPost('Autumn GitOps Meetup', '2026-10-20');
    const recap = await draft('monthly', text);
    const svc = temp.service();
    const usual = await svc.exportRecap({ recapPath: recap, text, target: { kind: 'site', dir: site } });
    expect([usual.written, usual.post, usual.problems]).toEqual([true, 'content/posts/2026/10/autumn-gitops-meetup.md', []]);
    expect(await fs.readFile(path.join(site, usual.post ?? ''), 'utf8')).toBe(text);
    // Without a date there is no month's folder to name: export says which field to fill (the site's posts all have one).
    const undated = hugoPost('Undated').replace('createTime: "2024-03-01"\n', '');
    const none = await svc.exportRecap({ recapPath: await draft('undated', undated), text: undated, target: { kind: 'site', dir: site }, section: 'talks', dryRun: true });
    expect([none.post, none.problems.map((p) => p.message)]).toEqual([null, ['Date is required. Add the line "date: …" to the front matter.']]);
  });

  it("Hugo with its content in the folder its config names (contentDir = \"src/content\"): a new post exported there, its photos under static/, clean in lint", async () => {
    const site = path.join(temp.dir(), 'content-dir');
    await writeText(path.join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\ncontentDir = "src/content"\n');
    for (const n of ['a', 'b', 'c']) await writeText(path.join(site, 'src/content/posts', `${n}.md`), datedPost(n));
    const text = datedPost('Autumn GitOps Meetup', '2026-10-20').replace('The day.', '![The hall](./hall.png)');
    const recap = await draft('content-dir', text);
    await png(path.join(path.dirname(recap), 'hall.png'), 4);
    const done = await temp.service().exportRecap({ recapPath: recap, text, target: { kind: 'site', dir: site } });
    expect([done.written, done.problems, done.added.sort()]).toEqual([true, [], ['src/content/posts/autumn-gitops-meetup.md', 'static/images/posts/autumn-gitops-meetup/hall.png']]);
    const written = await fs.readFile(path.join(site, 'src/content/posts/autumn-gitops-meetup.md'), 'utf8');
    expect(await temp.service().lintRecap({ path: path.join(site, 'src/content/posts/autumn-gitops-meetup.md'), text: written })).toEqual([]);
    await expect(fs.stat(path.join(site, 'content'))).rejects.toThrow();
  });

  it("Docusaurus dating its posts by folders (blog/2024/05/12/<slug>/, or its own blog's blog/2024/05-12-<slug>/): a new post goes there, dated so, clean in lint", async () => {
    const post = ['---', 'title: "KCD"', 'authors: [ana]', 'tags: [kcd]', '---', '', 'The day.', ''].join('\n');
    const config = "module.exports = { title: 'Meetups', url: 'https://example.org', baseUrl: '/', presets: [['classic', { blog: {} }]] };\n";
    const text = ['---', 'title: "Autumn GitOps Meetup"', 'authors: [ana]', 'tags: [kcd]', 'date: 2026-10-20', '---', '', 'The day.', ''].join('\n');
    for (const [name, folders, want] of [
      ['days', ['2024/03/01/kcd-lisbon', '2024/05/12/kcd-porto', '2023/11/02/kcd-lima'], 'blog/2026/10/20/autumn-gitops-meetup/index.md'],
      ['month-day', ['2024/03-01-kcd-lisbon', '2024/05-12-kcd-porto', '2023/11-02-kcd-lima'], 'blog/2026/10-20-autumn-gitops-meetup/index.md'],
      ['flat', ['2024-03-01-kcd-lisbon', '2024/05-12-kcd-porto', '2023-11-02-kcd-lima'], 'blog/2026-10-20-autumn-gitops-meetup/index.md'],
    ] as const) {
      const site = path.join(temp.dir(), `docusaurus-${name}`);
      await writeText(path.join(site, 'docusaurus.config.js'), config);
      await writeText(path.join(site, 'blog/authors.yml'), 'ana:\n  name: Ana\n');
      for (const f of folders) await writeText(path.join(site, 'blog', f, 'index.md'), post);
      const recap = await draft(`docusaurus-${name}`, text);
      const done = await temp.service().exportRecap({ recapPath: recap, text, target: { kind: 'site', dir: site } });
      expect([name, done.written, done.post, done.problems]).toEqual([name, true, want, []]);
      const written = path.join(site, want);
      expect(await temp.service().lintRecap({ path: written, text: await fs.readFile(written, 'utf8') })).toEqual([]);
    }
  });

  it("Hugo with languages in content folders of their own: the sections of the usual language's folder, none of another language's", async () => {
    const site = path.join(temp.dir(), 'lang-dirs');
    await writeText(path.join(site, 'hugo.toml'), ['baseURL = "https://example.org/"', 'defaultContentLanguage = "en"', '[languages.en]', 'contentDir = "content/english"', '[languages.zh]', 'contentDir = "content/chinese"', ''].join('\n'));
    for (const n of ['a', 'b', 'c']) await writeText(path.join(site, 'content/english/blog', `${n}.md`), hugoPost(n));
    await writeText(path.join(site, 'content/english/events/kcd.md'), hugoPost('KCD'));
    for (const n of ['a', 'b', 'c', 'd']) await writeText(path.join(site, 'content/chinese/news', `${n}.md`), hugoPost(n));
    const info = detectSite(site);
    expect(info.profile.post).toBe('content/english/{section}/{slug}.md');
    expect(sitePlaces(info)).toEqual([
      { name: 'blog', folder: 'content/english/blog/', post: 'content/english/{section}/{slug}.md' },
      { name: 'events', folder: 'content/english/events/', post: 'content/english/events/{slug}.md' },
    ]);
    // The same site with its language folders named by their codes, declared in the config too: content/<lang>/ as before.
    const coded = path.join(temp.dir(), 'lang-coded');
    await writeText(path.join(coded, 'hugo.toml'), ['baseURL = "https://example.org/"', '[languages.en]', 'contentDir = "content/en"', '[languages.zh]', 'contentDir = "content/zh"', ''].join('\n'));
    for (const n of ['a', 'b', 'c']) await writeText(path.join(coded, 'content/en/blog', `${n}.md`), hugoPost(n));
    await writeText(path.join(coded, 'content/en/events/kcd.md'), hugoPost('KCD'));
    expect(sitePlaces(detectSite(coded))?.map((p) => p.folder)).toEqual(['content/<lang>/blog/', 'content/<lang>/events/']);
  });

  it('Jekyll: _posts/, each category folder\'s _posts/ and each collection the site publishes; none for a site with one, or whose .recap-studio.yml says where posts go', async () => {
    const site = path.join(temp.dir(), 'jekyll');
    await writeText(path.join(site, '_config.yml'), 'title: Events\n');
    const post = ['---', 'title: "A"', '---', '', 'Text.', ''].join('\n');
    for (const n of ['2024-01-01-a.md', '2024-02-01-b.md']) await writeText(path.join(site, '_posts', n), post);
    await writeText(path.join(site, 'events/_posts/2024/2024-03-01-kcd.md'), post);
    expect(sitePlaces(detectSite(site))).toEqual([
      { name: '_posts', folder: '_posts/', post: '_posts/{date}-{slug}.md' },
      { name: 'events', folder: 'events/_posts/<year>/', post: 'events/_posts/{year}/{date}-{slug}.md' },
    ]);

    await fs.rm(path.join(site, 'events'), { recursive: true });
    expect(sitePlaces(detectSite(site))).toBeUndefined();

    // A collection the site publishes (`output: true`) is a place too, its documents named as most of its own are; one not published, or whose folder leads out of the site, is none.
    await writeText(path.join(site, '_config.yml'), 'title: Events\ncollections:\n  events:\n    output: true\n  speakers:\n    output: false\n  talks:\n    output: true\n  secrets:\n    output: true\n');
    await writeText(path.join(site, '_events/kcd-porto.md'), post);
    await writeText(path.join(site, '_speakers/ann.md'), post);
    await writeText(path.join(site, '_talks/2024-05-01-keynote.md'), post);
    const outside = path.join(temp.dir(), 'outside-secrets');
    await writeText(path.join(outside, 'hush.md'), post);
    await fs.symlink(outside, path.join(site, '_secrets'));
    expect(sitePlaces(detectSite(site))).toEqual([
      { name: '_posts', folder: '_posts/', post: '_posts/{date}-{slug}.md' },
      { name: '_events', folder: '_events/', post: '_events/{slug}.md' },
      { name: '_talks', folder: '_talks/', post: '_talks/{date}-{slug}.md' },
    ]);
    const draftText = ['---', 'title: "Autumn Meetup"', 'date: 2026-10-20', '---', '', 'The day.', ''].join('\n');
    const recap = await draft('jekyll-autumn', draftText);
    // Without a date the post has no path in _posts/ yet: the section is still the one its path will be in.
    const undated = await temp.service().exportRecap({ recapPath: recap, text: draftText.replace('date: 2026-10-20\n', ''), target: { kind: 'site', dir: site }, dryRun: true });
    expect([undated.post, undated.section]).toEqual([null, '_posts']);
    const report = await temp.service().exportRecap({ recapPath: recap, text: draftText, target: { kind: 'site', dir: site }, section: '_events' });
    expect([report.post, report.problems]).toEqual(['_events/autumn-meetup.md', []]);
    expect(await temp.service().lintRecap({ text: draftText, path: path.join(site, '_events/autumn-meetup.md') })).toEqual([]);
    // Jekyll needs no date for a collection's document (nor a page): one without is clean, and exported to _events/ without one (a post in _posts/ takes it from its name).
    const noDate = draftText.replace('date: 2026-10-20\n', '');
    expect(await temp.service().lintRecap({ text: noDate, path: path.join(site, '_events/kcd-porto.md') })).toEqual([]);
    expect(await temp.service().lintRecap({ text: noDate, path: path.join(site, 'about.md') })).toEqual([]);
    expect((await temp.service().lintRecap({ text: noDate, path: path.join(site, '_posts/2024-01-01-a.md') })).map((p) => p.code)).toEqual([]);
    const winter = noDate.replace('Autumn', 'Winter');
    const event = await temp.service().exportRecap({ recapPath: await draft('jekyll-undated', winter), text: winter, target: { kind: 'site', dir: site }, section: '_events', dryRun: true });
    expect([event.post, event.problems]).toEqual(['_events/winter-meetup.md', []]);
    await fs.rm(path.join(site, '_events'), { recursive: true });
    await fs.rm(path.join(site, '_talks'), { recursive: true });
    await fs.rm(path.join(site, '_secrets'));
    await writeText(path.join(site, '_config.yml'), 'title: Events\n');
    await writeText(path.join(site, 'events/_posts/2024-03-01-kcd.md'), post);
    await writeText(path.join(site, '.recap-studio.yml'), 'profile: jekyll\n');
    expect(sitePlaces(detectSite(site))).toBeUndefined();
  });

  it('export: a new recap goes to the usual section, or to the one asked for (its images where the site keeps them); a later export keeps it there, another section moves it', async () => {
    const site = await referenceSite('export');
    const text = hugoPost('Autumn GitOps Meetup').replace('2024-03-01', '2026-10-20');
    const recap = await draft('autumn', text);
    const svc = temp.service();
    const usual = await svc.exportRecap({ recapPath: recap, text, target: { kind: 'site', dir: site }, dryRun: true });
    expect([usual.post, usual.section, usual.places?.map((p) => p.name)]).toEqual(['content/en/news/autumn-gitops-meetup.md', 'news', ['news', 'events']]);

    const moved = await svc.exportRecap({ recapPath: recap, text, target: { kind: 'site', dir: site }, section: 'events' });
    expect([moved.written, moved.post, moved.section, moved.problems]).toEqual([true, 'content/en/events/2026/autumn-gitops-meetup.md', 'events', []]);
    // The post written, exported again: its own file, with no section to pick.
    const again = await svc.exportRecap({ recapPath: path.join(site, moved.post ?? ''), target: { kind: 'site', dir: site }, dryRun: true });
    expect([again.postFrom, again.places, again.changed, again.added]).toEqual(['own', undefined, [], []]);

    // A draft exported before (its manifest pins the post): kept there, unless another section is asked for, which moves it (the earlier file goes).
    const other = await draft('winter', hugoPost('Winter Meetup'));
    const otherText = await fs.readFile(other, 'utf8');
    const first = await svc.exportRecap({ recapPath: other, text: otherText, target: { kind: 'site', dir: site } });
    expect([first.post, first.section]).toEqual(['content/en/news/winter-meetup.md', 'news']);
    const pinned = await svc.exportRecap({ recapPath: other, text: otherText.replace('The day.', 'The whole day.'), target: { kind: 'site', dir: site } });
    expect([pinned.postFrom, pinned.post, pinned.changed]).toEqual(['pinned', 'content/en/news/winter-meetup.md', ['content/en/news/winter-meetup.md']]);
    const toEvents = await svc.exportRecap({ recapPath: other, text: otherText, target: { kind: 'site', dir: site }, section: 'events' });
    expect([toEvents.post, toEvents.added, toEvents.removed]).toEqual(['content/en/events/2024/winter-meetup.md', ['content/en/events/2024/winter-meetup.md'], ['content/en/news/winter-meetup.md']]);
    await expect(fs.stat(path.join(site, 'content/en/news/winter-meetup.md'))).rejects.toThrow();
    const stays = await svc.exportRecap({ recapPath: other, text: otherText, target: { kind: 'site', dir: site }, dryRun: true });
    expect([stays.postFrom, stays.post, stays.section]).toEqual(['pinned', 'content/en/events/2024/winter-meetup.md', 'events']);
    // The site's other posts and photos are untouched.
    expect(await fs.readFile(path.join(site, 'content/en/news', REFERENCE_NAME), 'utf8')).toBe(REFERENCE);
  });

  it("export to a Hugo section whose posts have another shape than the site's usual ones: a page bundle with its photos beside it, a plain file with its photos under static/", async () => {
    // The reference site (plain files, photos in static/images/news/) with a talks section of page bundles.
    const site = await referenceSite('shapes');
    for (const n of ['gitops', 'ebpf']) {
      await writeText(path.join(site, 'content/en/talks', n, 'index.md'), hugoPost(n));
      await png(path.join(site, 'content/en/talks', n, 'slide.png'), 3);
    }
    const places = sitePlaces(detectSite(site));
    expect(places?.find((p) => p.name === 'talks')).toEqual({ name: 'talks', folder: 'content/<lang>/talks/', post: 'content/{lang}/talks/{slug}/index.md' });
    const { recap } = await makeDraft(path.join(temp.dir(), 'drafts', 'kcd'));
    const svc = temp.service();
    const talk = await svc.exportRecap({ recapPath: recap, target: { kind: 'site', dir: site }, section: 'talks' });
    const bundle = 'content/en/talks/kubernetes-community-days-china';
    expect([talk.written, talk.post, talk.problems]).toEqual([true, `${bundle}/index.md`, []]);
    expect(talk.added.sort()).toEqual([`${bundle}/index.md`, ...REFERENCE_IMAGES.map((n) => `${bundle}/${n}`)].sort());
    const written = await fs.readFile(path.join(site, bundle, 'index.md'), 'utf8');
    expect(written).toContain(`](${REFERENCE_IMAGES[0]})`);
    expect(written).not.toContain('/images/news/kcd-china/');
    expect(await svc.lintRecap({ path: path.join(site, bundle, 'index.md'), text: written })).toEqual([]);

    // A site of page bundles with an events section of plain files: the new event a file, its photos under static/.
    const bundles = path.join(temp.dir(), 'bundles-shapes');
    await writeText(path.join(bundles, 'hugo.toml'), 'baseURL = "https://example.org/"\n');
    for (const n of ['a', 'b', 'c']) await writeText(path.join(bundles, 'content/blog', n, 'index.md'), datedPost(n));
    for (const n of ['2024-03-01-kcd-lisbon', '2024-05-01-kcd-porto']) await writeText(path.join(bundles, 'content/events', `${n}.md`), datedPost(n));
    expect(sitePlaces(detectSite(bundles))?.[1]).toEqual({ name: 'events', folder: 'content/events/', post: 'content/events/{date}-{slug}.md' });
    const text = datedPost('Autumn GitOps Meetup').replace('The day.', `![The hall](./hall.png)`);
    const draftPath = await draft('autumn-shapes', text);
    await png(path.join(path.dirname(draftPath), 'hall.png'), 5);
    const event = await svc.exportRecap({ recapPath: draftPath, text, target: { kind: 'site', dir: bundles }, section: 'events' });
    expect([event.written, event.post, event.problems]).toEqual([true, 'content/events/2024-03-01-autumn-gitops-meetup.md', []]);
    expect(event.added.sort()).toEqual(['content/events/2024-03-01-autumn-gitops-meetup.md', 'static/images/events/autumn-gitops-meetup/hall.png']);
    const eventText = await fs.readFile(path.join(bundles, event.post ?? ''), 'utf8');
    expect(eventText).toContain('![The hall](/images/events/autumn-gitops-meetup/hall.png)');
    expect(await svc.lintRecap({ path: path.join(bundles, event.post ?? ''), text: eventText })).toEqual([]);
  });

  it('a section the site does not have, or a target without sections, is refused with the sections there are; the CLI says which section it used', async () => {
    const site = await referenceSite('refused');
    const text = hugoPost('Autumn');
    const recap = await draft('refused', text);
    const svc = temp.service();
    await expect(svc.exportRecap({ recapPath: recap, text, target: { kind: 'site', dir: site }, section: 'blog', dryRun: true })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'The site has no section "blog" for posts. Its sections: news (content/<lang>/news/), events (content/<lang>/events/<year>/).',
    });
    await expect(svc.exportRecap({ recapPath: recap, text, target: { kind: 'folder', dir: path.join(temp.dir(), 'f') }, section: 'news', dryRun: true })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // A post of the site is exported where it is: a section would copy it, not move it.
    const own = path.join(site, 'content/en/news', REFERENCE_NAME);
    await expect(svc.exportRecap({ recapPath: own, target: { kind: 'site', dir: site }, section: 'events' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: `The recap is the site's post content/en/news/${REFERENCE_NAME}: it is exported where it is. To put it in section "events", move the file there.`,
    });
    expect(await fs.readdir(path.join(site, 'content/en/events'))).toEqual(['2023', '2024']);

    const run = await cliInProcess('export', recap, '--site', site, '--section', 'events', '--dry-run');
    expect(run.code).toBe(0);
    expect(run.out).toContain('content/en/events/2024/autumn.md');
    expect(run.out).toContain('Section events; --section also takes: news (content/<lang>/news/)');
    const bad = await cliInProcess('export', recap, '--site', site, '--section', 'blog', '--dry-run');
    expect([bad.code, bad.err]).toEqual([2, expect.stringContaining('Its sections: news (content/<lang>/news/), events')]);
    await expect(fs.stat(path.join(site, 'content/en/events/2024/autumn.md'))).rejects.toThrow();
  });
});
