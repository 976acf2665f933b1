// Templates through the service the app uses, on real sites in temp folders: listing (built-in,
// the app's, a site's saved ones and its archetypes), containment, new recaps from a template,
// "Save as template" (in the site, in the app, never over one without asking), and the link card.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecapService, type RecapService } from '../../../electron/service/service';
import { refusal } from '../support/refusal';
import { makeHugoSite, png, tempDir } from '../support/site-fixture';

let tmp: string;
let site: string;
let recap: string;
let service: RecapService;

async function write(file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, text);
}

beforeAll(async () => {
  tmp = await tempDir('templates');
  ({ root: site, recap } = await makeHugoSite(path.join(tmp, 'site')));
  await write(path.join(site, 'archetypes', 'default.md'), '---\ntitle: "{{ replace .Name "-" " " | title }}"\ndate: {{ .Date }}\n---\n');
  await write(path.join(site, 'archetypes', 'news.md'), '---\ntitle: "{{ .Title }}"\ncreateTime: "{{ now.Format "2006-01-02" }}"\n---\n\n## Programme\n');
  const saved = path.join(site, '.recap-studio', 'templates');
  await write(path.join(saved, 'meetup.md'), '---\ntitle: "{{title}}"\nslug: "{{slug}}"\ncreateTime: "{{date}}"\nauthor: "{{ .Site.Params.author }}"\n---\n\n## {{title}}\n\n## Talks\n');
  await write(path.join(saved, 'notes.txt'), 'not a template');
  await write(path.join(saved, 'huge.md'), `---\ntitle: ""\n---\n${'x'.repeat(300 * 1024)}\n`);
  await write(path.join(tmp, 'secret', 'SECRET.md'), '---\ntitle: SECRET-TEMPLATE\n---\n');
  await fs.symlink(path.join(tmp, 'secret', 'SECRET.md'), path.join(saved, 'linked.md'));
  service = createRecapService({ home: path.join(tmp, 'home'), cacheDir: path.join(tmp, 'cache') });
  await service.rememberSite({ dir: site });
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('listing templates', () => {
  it('offers the built-in one, the site\'s saved .md templates and its archetypes (the section\'s first); never a symlink, an oversized or a non-.md file', async () => {
    const list = await service.listTemplates({});
    expect(list.map((t) => `${t.source}:${t.name}`)).toEqual(['builtin:event-recap', 'site:meetup', 'archetype:news', 'archetype:default', 'posts:event-recap']);
    expect(list.find((t) => t.source === 'site')).toMatchObject({ site, id: `site:${site}:meetup` });
    expect(await service.listTemplates({ site })).toEqual(list);
    expect(await refusal(service.listTemplates({ site: path.join(tmp, 'secret') }))).toMatch(/^NOT_FOUND: .*is not one of your sites/);
  });

  it('refuses a template named directly that is a symlink out of its folder, too large, or missing', async () => {
    expect(await refusal(service.newRecap({ template: { source: 'site', name: 'linked', site } }))).toMatch(/^NOT_A_RECAP: The template linked is not a plain Markdown file/);
    expect(await refusal(service.newRecap({ template: { source: 'site', name: 'huge', site } }))).toMatch(/^NOT_A_RECAP: The template huge is larger than 256 KB/);
    expect(await refusal(service.newRecap({ template: { source: 'site', name: 'gone', site } }))).toMatch(/^NOT_FOUND: There is no template "gone"/);
    expect(await refusal(service.newRecap({ template: { source: 'site', name: 'meetup', site: path.join(tmp, 'secret') } }))).toMatch(/^NOT_FOUND: .*is not one of your sites/);
  });

  it('does not list the templates of a site whose .recap-studio/templates folder is a symlink out of it', async () => {
    const other = path.join(tmp, 'linked-site');
    await write(path.join(other, 'hugo.toml'), 'title = "Linked"\n');
    await fs.mkdir(path.join(other, '.recap-studio'), { recursive: true });
    await fs.symlink(path.join(site, '.recap-studio', 'templates'), path.join(other, '.recap-studio', 'templates'));
    const svc = createRecapService({ home: path.join(tmp, 'home-linked'), cacheDir: path.join(tmp, 'cache') });
    await svc.rememberSite({ dir: other });
    expect((await svc.listTemplates({ site: other })).map((t) => t.name)).toEqual(['event-recap']);
    expect(await refusal(svc.newRecap({ template: { source: 'site', name: 'meetup', site: other } }))).toMatch(/^NOT_FOUND: There is no template "meetup"/);
  });
});

describe('a new recap from a template', () => {
  it('fills {{title}}, {{slug}}, {{date}} and leaves the Go expression it cannot evaluate, saying so', async () => {
    const opened = await service.newRecap({ title: 'June Meetup', template: { source: 'site', name: 'meetup', site } });
    const today = new Date().toISOString().slice(0, 10);
    expect(opened.text).toBe(`---\ntitle: "June Meetup"\nslug: "june-meetup"\ncreateTime: "${today}"\nauthor: "{{ .Site.Params.author }}"\n---\n\n## June Meetup\n\n## Talks\n`);
    expect(opened.leftForYou).toEqual(['{{ .Site.Params.author }}']);
  });

  it('from the section\'s archetype: Hugo\'s expressions filled, its own body kept', async () => {
    const opened = await service.newRecap({ title: 'KCD Berlin', template: { source: 'archetype', name: 'news', site } });
    expect(opened.text).toMatch(/^---\ntitle: "KCD Berlin"\ncreateTime: "\d{4}-\d{2}-\d{2}"\n---\n\n## Programme\n$/);
    expect(opened.leftForYou).toBeUndefined();
  });
});

describe('save as template', () => {
  it('writes .recap-studio/templates/NAME.md in the recap\'s site, asks before replacing it, and New recap offers it', async () => {
    const opened = await service.openRecap({ path: recap });
    const saved = await service.saveTemplate({ id: opened.draft.id, text: opened.text, name: 'kcd' });
    expect(saved).toMatchObject({ source: 'site', name: 'kcd', site, path: path.join(site, '.recap-studio', 'templates', 'kcd.md') });
    const text = await fs.readFile(saved.path, 'utf8');
    expect(text.startsWith('---\ntitle: ""\nkeywords: ""\ndescription: ""\ncreateTime: ""\nauthor: ""\n---\n\n## Kubernetes Community Days China\n\n## Event Organizers\n')).toBe(true);
    expect(await refusal(service.saveTemplate({ id: opened.draft.id, text: 'other', name: 'kcd' }))).toBe('EXISTS: A template called "kcd" already exists.');
    expect(await fs.readFile(saved.path, 'utf8')).toBe(text);
    await service.saveTemplate({ id: opened.draft.id, text: '---\ntitle: x\n---\n\n## Only\n', name: 'kcd', overwrite: true });
    expect(await fs.readFile(saved.path, 'utf8')).toBe('---\ntitle: ""\n---\n\n## Only\n');
    expect((await service.listTemplates({ site })).map((t) => t.name)).toContain('kcd');
  });

  it('a recap outside any site: saved in the app\'s data folder and offered for every new recap', async () => {
    const draft = await service.newRecap({ title: 'Draft only' });
    const saved = await service.saveTemplate({ id: draft.draft.id, text: draft.text, name: 'my recap' });
    expect(saved).toMatchObject({ source: 'app', site: null, path: path.join(tmp, 'home', 'templates', 'my recap.md') });
    const list = await service.listTemplates({});
    expect(list[1]).toMatchObject({ source: 'app', name: 'my recap' });
    const fresh = await service.newRecap({ title: 'Next', template: { source: 'app', name: 'my recap', site: null } });
    // The heading that repeated the title became {{title}} in the template: the new title fills it.
    expect(fresh.text).toBe('---\ntitle: "Next"\nkeywords: ""\ndescription: ""\ncreateTime: ""\nauthor: ""\n---\n\n## Next\n\n## Event Organizers\n\n## Event at a Glance\n\n## Photos\n\n## Slides and Recordings\n');
  });

  it('never writes through a symlinked .recap-studio folder, and refuses a bad name', async () => {
    const other = path.join(tmp, 'hostile-site');
    await write(path.join(other, 'hugo.toml'), 'title = "Hostile"\n');
    await write(path.join(other, 'content', 'en', 'news', 'x.md'), '---\ntitle: X\n---\n\n## A\n');
    await fs.mkdir(path.join(tmp, 'outside'), { recursive: true });
    await fs.symlink(path.join(tmp, 'outside'), path.join(other, '.recap-studio'));
    const opened = await service.openRecap({ path: path.join(other, 'content', 'en', 'news', 'x.md') });
    expect(await refusal(service.saveTemplate({ id: opened.draft.id, text: opened.text, name: 'x' }))).toMatch(/^SAVE_FAILED: .*nothing is written through it/);
    expect(await fs.readdir(path.join(tmp, 'outside'))).toEqual([]);
    expect(await refusal(service.saveTemplate({ id: opened.draft.id, text: opened.text, name: '../x' }))).toMatch(/^BAD_REQUEST: "..\/x" cannot be a template name/);
  });
});

describe('link card', () => {
  it('shows title, description, the cover as the preview resolves it, the site\'s name and the post\'s address', async () => {
    const opened = await service.openRecap({ path: recap });
    const text = opened.text.replace('author: "Lindsay"', 'author: "Lindsay"\nimage: "/images/news/kcd-china/kcd-china-event.png"');
    const card = await service.linkCard({ id: opened.draft.id, text });
    expect(card).toMatchObject({
      title: 'Kubernetes Community Days China Recap',
      description: 'The first Kubernetes Community Days China was successfully held in Beijing',
      siteName: 'Example',
      urlPath: '/en/news/kubernetes-community-days-china/',
      problems: [],
    });
    expect(card.cover?.localPath).toBe(path.join(site, 'static', 'images', 'news', 'kcd-china', 'kcd-china-event.png'));
  });

  it("shows, where the cover field is empty, the photo Hugo's own card templates take: a page bundle's photo named as its card (featured.png), else its images' first", async () => {
    const bundle = path.join(tmp, 'card-site', 'content', 'blog', 'kcd');
    await write(path.join(tmp, 'card-site', 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "Cards"\n');
    await png(path.join(bundle, 'featured.png'), 1);
    await png(path.join(bundle, 'hall.png'), 2);
    const post = path.join(bundle, 'index.md');
    await write(post, '---\ntitle: KCD\ndate: 2024-05-01\n---\n\nA day of talks.\n');
    const opened = await service.openRecap({ path: post });
    const card = await service.linkCard({ id: opened.draft.id, text: opened.text });
    expect(card.cover?.localPath).toBe(path.join(bundle, 'featured.png'));
    const named = await service.linkCard({ id: opened.draft.id, text: opened.text.replace('date: 2024-05-01\n', 'date: 2024-05-01\nimages: [hall.png]\n') });
    expect(named.cover?.localPath).toBe(path.join(bundle, 'hall.png'));
  });

  it('shows the same problems lint and the preflight find: description too long, cover too large, cover missing', async () => {
    const opened = await service.openRecap({ path: recap });
    await png(path.join(site, 'static', 'images', 'news', 'kcd-china', 'huge-cover.png'), 3, 2400, 1260);
    const long = 'A very long description. '.repeat(10).trim();
    const withBig = opened.text.replace(/description: ".*"/, `description: "${long}"`).replace('author: "Lindsay"', 'author: "Lindsay"\nimage: "/images/news/kcd-china/huge-cover.png"');
    const lint = await service.lintRecap({ text: withBig, path: recap });
    const card = await service.linkCard({ id: opened.draft.id, text: withBig });
    const lintDescription = lint.filter((p) => p.field === 'description');
    expect(lintDescription).toHaveLength(1);
    expect(card.problems.filter((p) => p.field === 'description')).toEqual(lintDescription);
    expect(card.problems.find((p) => p.code === 'image-too-large')?.message).toMatch(/huge-cover\.png is 2400×1260 px, above the site's 2000 px long edge/);
    const missing = withBig.replace('huge-cover.png', 'nope.png');
    const card2 = await service.linkCard({ id: opened.draft.id, text: missing });
    expect(card2.problems.map((p) => p.code)).toContain('image-missing');
    expect(card2.cover).toMatchObject({ src: null });
  });
});
