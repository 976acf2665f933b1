// "Event recap, shaped like the site's posts": a new recap whose front matter is the site's own
// newest post's (format, keys, order, settings), on Jekyll, TOML Hugo and Docusaurus sites made
// in temp folders; then, for Jekyll, the whole way to the site: exported where its posts live,
// and lint clean with the site's rules. A post the scan must not read (a symlink out) never
// shapes it.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cliInProcess } from '../support/cli-run';
import { refusal } from '../support/refusal';
import { writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('site-recap');

const posts = (site: string) => ({ source: 'posts' as const, name: 'event-recap', site });

async function jekyllSite(name: string): Promise<string> {
  const root = path.join(temp.dir(), name);
  await writeText(path.join(root, '_config.yml'), 'title: Cloud Native Meetups\n');
  await writeText(path.join(root, '_posts', '2025-11-02-autumn.md'), '---\nlayout: post\ntitle: Autumn\ndate: 2025-11-02 18:00:00 +0100\ntags: [k8s]\nredirect_from: /old/autumn/\n---\n\nText.\n');
  // The newest, by its name: its keys and their order shape the new post.
  await writeText(path.join(root, '_posts', '2026-03-02-spring.md'), "---\nlayout: post\ntitle: 'Spring meetup'\ndate: 2026-03-02\ndescription: Forty people came.\ntags: [gitops, flux]\nimage: /assets/images/spring/crowd.jpg\n---\n\nForty people came.\n");
  await writeText(path.join(root, '_posts', '2024-01-10-winter.md'), '---\nlayout: post\ntitle: Winter\ndate: 2024-01-10\ndescription: Cold.\ntags: []\nimage: /assets/images/winter/snow.jpg\n---\n\nCold.\n');
  return root;
}

describe('an event recap shaped like the site\'s posts', () => {
  it('Jekyll: the newest post\'s keys in its order and quotes, the shared layout kept, a one-off key left out, the title and date filled; exported to _posts/ and lint clean', async () => {
    const site = await jekyllSite('jekyll');
    await temp.service().rememberSite({ dir: site });
    expect((await temp.service().listTemplates({ site })).map((t) => t.source)).toEqual(['builtin', 'posts']);
    const made = await temp.service().newRecap({ template: posts(site), title: 'Autumn GitOps meetup' });
    const today = new Date().toISOString().slice(0, 10);
    expect(made.text).toBe(
      `---\nlayout: post\ntitle: 'Autumn GitOps meetup'\ndate: ${today}\ndescription: ""\ntags: []\nimage: ""\n---\n\n## Autumn GitOps meetup\n\nWrite two or three sentences`.concat(made.text.slice(made.text.indexOf(' for readers'))),
    );
    expect(made.text).not.toContain('redirect_from');
    expect(made.text).toContain('## Slides and Recordings');
    // A draft for that site: its fields and rules from the start (the form shows them), not the built-in template's.
    expect(made.profile.rules?.summary).toBe(`A draft for the Jekyll site at ${site}: its fields and rules, as its posts use them; export into it checks its place too.`);
    expect(made.profile.fields.map((f) => `${f.key}${f.required ? '*' : ''}`)).toEqual(['title*', 'date*', 'description', 'tags', 'author']);
    expect(made.profile.photos.coverField).toBe('image');
    const undated = made.text.replace(/^date: .*\n/m, '');
    expect((await temp.service().lintRecap({ path: made.draft.recapPath, text: undated })).filter((p) => p.severity === 'error').map((p) => p.field)).toEqual(['date']);
    expect((await temp.service().openDraft({ id: made.draft.id })).profile.rules?.summary).toBe(made.profile.rules?.summary);
    // Its card on the home screen is dated by the site's date field.
    expect((await temp.service().homeData({})).drafts.find((d) => d.id === made.draft.id)?.eventDate).toBe(today);

    // A photo in the draft's own folder, made the cover as the tray's Cover button does (the site's cover field).
    const folder = await temp.service().photoFolder({ recapPath: made.draft.recapPath, text: made.text });
    // The tray says where export into the site puts the draft's photos (the draft links them by its own folder until then).
    expect(folder).toMatchObject({ imageDir: 'autumn-gitops-meetup', url: '/images/news/autumn-gitops-meetup', inSite: { site, url: '/assets/images/autumn-gitops-meetup' } });
    await sharp({ create: { width: 640, height: 400, channels: 3, background: '#0f766e' } }).jpeg().toFile(path.join(temp.dir(), 'Crowd.jpg'));
    const imported = await temp.service().importPhoto({ recapPath: made.draft.recapPath, imageDir: folder.imageDir, source: { path: path.join(temp.dir(), 'Crowd.jpg') } });
    const text = made.text
      .replace('description: ""', 'description: "Sixty people met to talk about GitOps."')
      .replace('image: ""', `image: "${imported.photo.url}"`)
      .replace(/Write two or three sentences[^\n]*/, `Sixty people came.\n\n${imported.markdown}`);
    expect((await temp.service().lintRecap({ path: made.draft.recapPath, text })).filter((p) => p.severity === 'error')).toEqual([]);
    const report = await temp.service().exportRecap({ recapPath: made.draft.recapPath, text, target: { kind: 'site', dir: site } });
    expect(report).toMatchObject({ written: true, post: `_posts/${today}-autumn-gitops-meetup.md` });
    // The recap is that post now, read by the post's rules (the editor takes them with its text).
    expect(report.linkedTo?.profile).toEqual(await temp.service().openRecap({ path: path.join(site, '_posts', `${today}-autumn-gitops-meetup.md`) }).then((o) => o.profile));
    expect(report.linkedTo?.profile.rules?.source).toBe('site');
    const post = path.join(site, '_posts', `${today}-autumn-gitops-meetup.md`);
    const written = await fs.readFile(post, 'utf8');
    expect(written.startsWith(`---\nlayout: post\ntitle: 'Autumn GitOps meetup'\ndate: ${today}\n`)).toBe(true);
    // The photo and the cover went where the site keeps its images, and the post links them there.
    expect(written).toContain('image: "/assets/images/autumn-gitops-meetup/crowd.jpg"');
    expect(written).toContain('](/assets/images/autumn-gitops-meetup/crowd.jpg)');
    expect((await fs.stat(path.join(site, 'assets', 'images', 'autumn-gitops-meetup', 'crowd.jpg'))).isFile()).toBe(true);
    const lint = await temp.service().lintRecap({ path: post, text: written });
    expect(lint.filter((p) => p.severity === 'error')).toEqual([]);

    // A copy of one of the site's posts is a draft for the site too.
    const opened = await temp.service().openRecap({ path: path.join(site, '_posts', '2024-01-10-winter.md') });
    const copy = await temp.service().duplicateDraft({ id: opened.draft.id });
    expect((await temp.service().openDraft({ id: copy.id })).profile.rules?.summary).toBe(made.profile.rules?.summary);
    // Without a site, a draft of the built-in template keeps the built-in profile's rules, and its photos go where the draft links them.
    const builtin = await temp.service().newRecap({});
    expect(builtin.profile.rules?.source).toBe('profile');
    expect((await temp.service().photoFolder({ recapPath: builtin.draft.recapPath, text: builtin.text })).inSite).toBeUndefined();
  });

  it('Hugo with TOML: the new post is TOML, a [params] table cleared key by key, a switch kept, the date as the post wrote it', async () => {
    const site = path.join(temp.dir(), 'hugo-toml');
    await writeText(path.join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "Blog"\n');
    await writeText(path.join(site, 'content', 'blog', 'first.md'), '+++\ntitle = "First"\ndate = 2025-04-01T10:00:00Z\ndraft = false\n[params]\nsubtitle = "One"\nlocation = "Berlin"\n+++\n\nOne.\n');
    await writeText(path.join(site, 'content', 'blog', 'second.md'), '+++\ntitle = "Second"\ndate = 2025-06-01T10:00:00Z\ndraft = false\n[params]\nsubtitle = "Two"\nlocation = "Paris"\n+++\n\nTwo.\n');
    await temp.service().rememberSite({ dir: site });
    const made = await temp.service().newRecap({ template: posts(site), title: 'KCD Paris' });
    const today = new Date().toISOString().slice(0, 10);
    expect(made.text.startsWith(`+++\ntitle = "KCD Paris"\ndate = ${today}\ndraft = false\n[params]\nsubtitle = ""\nlocation = ""\n+++\n\n## KCD Paris\n`)).toBe(true);
  });

  it('Docusaurus: a folder post\'s YAML, its authors and tags lists emptied; the CLI makes the same post and says which post shaped it', async () => {
    const site = path.join(temp.dir(), 'docusaurus');
    await writeText(path.join(site, 'docusaurus.config.js'), 'module.exports = { title: "Docs" };\n');
    await writeText(path.join(site, 'blog', '2024-05-01-kcd', 'index.md'), '---\nslug: kcd\ntitle: KCD\nauthors: [jane, li]\ntags: [community]\n---\n\nBody.\n');
    await writeText(path.join(site, 'blog', '2023-02-01-meetup.md'), '---\nslug: meetup\ntitle: Meetup\nauthors: [jane]\ntags: []\n---\n\nBody.\n');
    await writeText(path.join(site, 'blog', 'authors.yml'), 'jane:\n  name: Jane Doe\n  title: Maintainer\n');
    await temp.service().rememberSite({ dir: site });
    const made = await temp.service().newRecap({ template: posts(site), title: 'KCD Lisbon' });
    // Its posts take their date from their names; a new one's path needs it from the front matter.
    const today = new Date().toISOString().slice(0, 10);
    expect(made.text.startsWith(`---\nslug: kcd-lisbon\ntitle: KCD Lisbon\nauthors: []\ntags: []\ndate: ${today}\n---\n\n## KCD Lisbon\n`)).toBe(true);
    // Never an empty address: without a title, no slug (the site names the post by its folder).
    expect((await temp.service().newRecap({ template: posts(site) })).text.startsWith(`---\ntitle: ""\nauthors: []\ntags: []\ndate: ${today}\n---\n`)).toBe(true);
    expect(made.profile.fields.find((f) => f.key === 'date')?.required).toBe(true);
    // The byline and the author chips name jane as the blog's authors.yml does, as for its posts.
    expect(made.profile.authorNames).toEqual({ jane: 'Jane Doe' });
    // A folder post keeps its photos beside it: the tray says so.
    expect((await temp.service().photoFolder({ recapPath: made.draft.recapPath, text: made.text })).inSite).toEqual({ site, url: null });

    const file = path.join(site, 'blog', '2026-06-12-kcd-lisbon.md');
    const run = await cliInProcess('new', file, '--title', 'KCD Lisbon', '--date', '2026-06-12');
    expect(run.code).toBe(0);
    expect(run.out).toContain("shaped like the site's post blog/2024-05-01-kcd/index.md");
    expect(await fs.readFile(file, 'utf8')).toBe(made.text.replace(`date: ${today}`, 'date: 2026-06-12'));
  });

  it('is not offered for a site without posts, says why when asked for, and is never shaped by a post that is a symlink out of the site', async () => {
    const empty = path.join(temp.dir(), 'empty-jekyll');
    await writeText(path.join(empty, '_config.yml'), 'title: Empty\n');
    await fs.mkdir(path.join(empty, '_posts'), { recursive: true });
    await temp.service().rememberSite({ dir: empty });
    expect((await temp.service().listTemplates({ site: empty })).map((t) => t.source)).toEqual(['builtin']);
    expect(await refusal(temp.service().newRecap({ template: posts(empty) }))).toMatch(/^NOT_FOUND: The site .*empty-jekyll has no post with front matter/);
    expect(await refusal(temp.service().newRecap({ template: posts(path.join(temp.dir(), 'elsewhere')) }))).toMatch(/^NOT_FOUND: .*is not one of your sites/);

    const site = await jekyllSite('jekyll-linked');
    await writeText(path.join(temp.dir(), 'secret', 'notes.md'), '---\nlayout: secret\napi_token: TOPSECRET\n---\n');
    await fs.symlink(path.join(temp.dir(), 'secret', 'notes.md'), path.join(site, '_posts', '2030-01-01-newest.md'));
    await temp.service().rememberSite({ dir: site });
    const made = await temp.service().newRecap({ template: posts(site), title: 'Linked' });
    expect(made.text).not.toMatch(/TOPSECRET|api_token|secret/);
    expect(made.text.startsWith("---\nlayout: post\ntitle: 'Linked'\n")).toBe(true);

    // The site moved away: the draft is checked as any draft is, and opens as before.
    await fs.rm(site, { recursive: true, force: true });
    expect((await temp.service().openDraft({ id: made.draft.id })).profile.rules?.source).toBe('generic');
    expect((await temp.service().lintRecap({ path: made.draft.recapPath, text: made.text })).filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('a draft for a site finds the images that site already serves', () => {
  it("a link to the site's shared logo: lint, the preview and the tray find it, export into the site leaves it in place, export elsewhere copies it; a symlink out is refused", async () => {
    const site = await jekyllSite('jekyll-shared');
    const logo = path.join(site, 'assets', 'images', 'shared', 'logo.png');
    await fs.mkdir(path.dirname(logo), { recursive: true });
    await sharp({ create: { width: 120, height: 40, channels: 4, background: '#1d4ed8' } }).png().toFile(logo);
    const secret = path.join(temp.dir(), 'private', 'passport.jpg');
    await fs.mkdir(path.dirname(secret), { recursive: true });
    await sharp({ create: { width: 60, height: 40, channels: 3, background: '#000' } }).jpeg().toFile(secret);
    await fs.symlink(secret, path.join(site, 'assets', 'images', 'shared', 'leak.jpg'));
    await temp.service().rememberSite({ dir: site });
    const made = await temp.service().newRecap({ template: posts(site), title: 'KCD Porto' });
    const text = made.text.replace('description: ""', 'description: "A day of talks."').replace(/Write two or three sentences[^\n]*/, 'A day of talks.\n\n![Our logo](/assets/images/shared/logo.png)');
    const recapPath = made.draft.recapPath;

    const errors = async (t: string) => (await temp.service().lintRecap({ path: recapPath, text: t })).filter((p) => p.severity === 'error').map((p) => p.message);
    expect(await errors(text)).toEqual([]);
    const [found, leak] = await temp.service().resolveImages({ recapPath, urls: ['/assets/images/shared/logo.png', '/assets/images/shared/leak.jpg'] });
    expect(found).toMatchObject({ localPath: logo });
    expect(found?.src).not.toBeNull();
    expect(leak).toMatchObject({ src: null, localPath: null });
    expect(leak?.refused).toMatch(/^is a link to .*passport\.jpg, outside the site's public folder/);
    expect(await errors(`${text}\n![Leak](/assets/images/shared/leak.jpg)\n`)).toEqual([expect.stringContaining('/assets/images/shared/leak.jpg')]);
    const folder = await temp.service().photoFolder({ recapPath, text });
    const linked = await temp.service().linkedPhotos({ recapPath, imageDir: folder.imageDir, urls: ['/assets/images/shared/logo.png'] });
    expect(linked.map((p) => [p.url, p.folder])).toEqual([['/assets/images/shared/logo.png', 'assets/images/shared']]);

    // Into the site: the post links the logo where the site has it; nothing is copied.
    const into = await temp.service().exportRecap({ recapPath, text, target: { kind: 'site', dir: site } });
    expect(into.written).toBe(true);
    expect(into.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(into.added).toEqual([into.post]);
    expect(await fs.readFile(path.join(site, ...(into.post ?? '').split('/')), 'utf8')).toContain('![Our logo](/assets/images/shared/logo.png)');

    // Anywhere else: the logo goes with the post, as any photo of the recap does.
    const out = path.join(temp.dir(), 'out-folder');
    const copied = await temp.service().exportRecap({ recapPath, text, target: { kind: 'folder', dir: out } });
    expect(copied.written).toBe(true);
    const image = copied.added.find((f) => f.endsWith('/logo.png'));
    expect(image).toBeDefined();
    expect(await fs.readFile(path.join(out, ...(image ?? '').split('/')))).toEqual(await fs.readFile(logo));
    expect(await fs.readFile(path.join(out, ...(copied.post ?? '').split('/')), 'utf8')).not.toContain('/assets/images/shared/');
  });

  it("only a site's public folders: a draft whose meta.json names a folder that is no site finds nothing there", async () => {
    const site = await jekyllSite('jekyll-tampered');
    await temp.service().rememberSite({ dir: site });
    const made = await temp.service().newRecap({ template: posts(site), title: 'Tampered' });
    // Another folder with an image in it, but no site config: named in the draft's meta.json by hand.
    const plain = path.join(temp.dir(), 'plain-folder');
    // Where a site's public folder would be (static/), so that only the check for a site keeps it out.
    await fs.mkdir(path.join(plain, 'static', 'private'), { recursive: true });
    await sharp({ create: { width: 20, height: 20, channels: 3, background: '#000' } }).png().toFile(path.join(plain, 'static', 'private', 'id.png'));
    const metaFile = path.join(path.dirname(made.draft.recapPath), 'meta.json');
    const meta = JSON.parse(await fs.readFile(metaFile, 'utf8')) as Record<string, unknown>;
    await fs.writeFile(metaFile, JSON.stringify({ ...meta, site: plain }));
    const [hit] = await temp.service().resolveImages({ recapPath: made.draft.recapPath, urls: ['/private/id.png'] });
    expect(hit?.src).toBeNull();
    const errors = (await temp.service().lintRecap({ path: made.draft.recapPath, text: `${made.text}\n![x](/private/id.png)\n` })).filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.message)).toContainEqual(expect.stringContaining('/private/id.png'));
  });
  it('Save As takes the rules of the file the recap becomes: a post of the site, or a file outside any site', async () => {
    const site = await jekyllSite('jekyll-save-as');
    await temp.service().rememberSite({ dir: site });
    const made = await temp.service().newRecap({ template: posts(site), title: 'Spring social' });
    expect(made.profile.rules?.summary).toMatch(/^A draft for the Jekyll site/);
    const post = path.join(site, '_posts', '2026-04-01-spring-social.md');
    const inSite = await temp.service().saveToFile({ id: made.draft.id, text: made.text, path: post });
    expect(inSite.profile).toEqual((await temp.service().openRecap({ path: post })).profile);
    expect(inSite.profile?.rules?.source).toBe('site');
    // Saving to the same file again changes no rules: nothing to send.
    expect((await temp.service().saveToFile({ id: made.draft.id, text: `${made.text}\nMore.\n` })).profile).toBeUndefined();
    const other = await temp.service().newRecap({ template: posts(site), title: 'Loose notes' });
    await fs.mkdir(path.join(temp.dir(), 'notes'), { recursive: true });
    const outside = await temp.service().saveToFile({ id: other.draft.id, text: other.text, path: path.join(temp.dir(), 'notes', 'loose.md') });
    expect(outside.profile?.rules?.source).toBe('generic');
  });
});
