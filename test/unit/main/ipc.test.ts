// The IPC door: every channel checks its sender (our page's main frame) and validates its
// payload; the page reaches only files, folders and photos the author granted, each kind apart.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fake-electron'));

const fake = await import('./fake-electron');
const { startDoor } = await import('./door');
const door = await startDoor();

const fixture = path.join(__dirname, '..', '..', 'fixtures', 'kubernetes-community-days-china.md');
let recap: string;
let other: string;
let photo: string;
let site: string;

beforeAll(async () => {
  site = path.join(door.dir, 'site');
  await fs.mkdir(path.join(site, 'content', 'en', 'news'), { recursive: true });
  await fs.writeFile(path.join(site, 'hugo.toml'), 'title = "site"\n');
  recap = path.join(site, 'content', 'en', 'news', 'kcd.md');
  other = path.join(door.dir, 'other.md');
  await fs.copyFile(fixture, recap);
  await fs.copyFile(fixture, other);
  photo = path.join(door.dir, 'Keynote.png');
  await sharp({ create: { width: 8, height: 6, channels: 3, background: '#c33' } }).png().toFile(photo);
});

afterAll(async () => {
  await fs.rm(door.dir, { recursive: true, force: true });
});

const REFUSED = 'Request from an unknown page refused.';

describe('sender checks', () => {
  it('answers our page', async () => {
    const r = await door.invoke('appInfo');
    expect(r.ok).toBe(true);
    expect(r.value).toMatchObject({ door: 'electron', nativeDialogs: true, version: '0.0.0-test' });
  });

  it('refuses a subframe, a page that navigated elsewhere, a file:// page and a missing frame', async () => {
    expect((await door.invoke('appInfo', undefined, { frame: { url: 'app://recap/index.html' } })).error?.message).toBe(REFUSED);
    expect((await door.invoke('appInfo', undefined, { frame: null })).error?.message).toBe(REFUSED);
    const stray = new fake.BrowserWindow({});
    for (const url of ['https://evil.example/', 'file:///opt/recap/dist/renderer/index.html', 'app://recap.evil/index.html', '']) {
      stray.webContents.mainFrame.url = url;
      const r = await door.invoke('appInfo', undefined, { win: stray });
      expect(r, url).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: REFUSED, msg: { key: 'error.unknownPage' } } });
    }
  });

  it('refuses a request from a web contents that is not one of our windows', async () => {
    const handler = fake.ipcMain.handlers.get('recap:invoke')!;
    const loose = new fake.FakeWebContents();
    loose.mainFrame.url = 'app://recap/index.html';
    expect(await handler({ sender: loose, senderFrame: loose.mainFrame }, 'appInfo', undefined)).toMatchObject({ ok: false, error: { message: REFUSED } });
  });

  it('ignores a dropped-file report from anyone but our page', async () => {
    door.drop(other, { frame: { url: 'app://recap/index.html' } });
    door.drop(other, { frame: null });
    const r = await door.invoke('openRecap', { path: other });
    expect(r.ok).toBe(false);
    expect(r.error?.message).toContain('can only open or save files you chose');
  });
});

describe('payloads', () => {
  it('are validated before the service sees them', async () => {
    expect(await door.invoke('openRecap', { path: 42 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await door.invoke('saveRecap', null)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await door.invoke('rm -rf', {})).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('drop reports must be absolute paths of a recap or a photo', async () => {
    for (const junk of [42, '', 'relative/kcd.md', `${other}\0.png`, { path: other }]) door.drop(junk);
    expect((await door.invoke('openRecap', { path: other })).ok).toBe(false);
  });
});

describe('grants', () => {
  it('opens a file only once the author chose it in the Open dialog, and lists it as recent', async () => {
    const refused = await door.invoke('openRecap', { path: recap });
    expect(refused.error?.message).toBe(`Recap Studio can only open or save files you chose (${recap}). Use File ▸ Open or Save As.`);
    fake.dialog.openAnswers.push({ canceled: false, filePaths: [recap] });
    expect(await door.invoke('showOpenDialog')).toEqual({ ok: true, value: recap });
    const opened = await door.invoke('openRecap', { path: recap });
    expect(opened.ok).toBe(true);
    expect((opened.value as { text: string }).text).toBe(await fs.readFile(fixture, 'utf8'));
    expect(fake.app.recentDocuments).toContain(recap);
  });

  it('a cancelled dialog grants nothing', async () => {
    const never = path.join(door.dir, 'never.md');
    fake.dialog.openAnswers.push({ canceled: true, filePaths: [never] });
    expect(await door.invoke('showOpenDialog')).toEqual({ ok: true, value: null });
    fake.dialog.saveAnswers.push({ canceled: true, filePath: never });
    expect(await door.invoke('showSaveDialog', { suggestedName: 'never.md', defaultDir: null })).toEqual({ ok: true, value: null });
    expect((await door.invoke('saveRecap', { path: never, text: 'x' })).ok).toBe(false);
  });

  it('saves only where the author chose in Save As', async () => {
    const target = path.join(door.dir, 'saved-as.md');
    expect((await door.invoke('saveRecap', { path: target, text: '# Hi\n' })).error?.message).toContain('can only open or save files you chose');
    fake.dialog.saveAnswers.push({ canceled: false, filePath: target });
    expect(await door.invoke('showSaveDialog', { suggestedName: 'saved-as.md', defaultDir: door.dir })).toEqual({ ok: true, value: target });
    expect((await door.invoke('saveRecap', { path: target, text: '# Hi\n' })).ok).toBe(true);
    expect(await fs.readFile(target, 'utf8')).toBe('# Hi\n');
    expect(fake.app.recentDocuments).toContain(target);
  });

  it('a recap dropped on the window may be opened; the drop grants it as a file, not as a photo', async () => {
    const dropped = path.join(door.dir, 'dropped.md');
    await fs.copyFile(fixture, dropped);
    door.drop(dropped);
    expect((await door.invoke('openRecap', { path: dropped })).ok).toBe(true);
    const asPhoto = await door.invoke('importPhoto', { recapPath: recap, imageDir: 'kcd-china', source: { path: dropped } });
    expect(asPhoto.error?.message).toContain('imports only photos you picked or dropped');
  });

  it('imports a photo only once it was picked in the dialog or dropped, and never opens it as a recap', async () => {
    const refused = await door.invoke('importPhoto', { recapPath: recap, imageDir: 'kcd-china', source: { path: photo } });
    expect(refused.error?.message).toBe(`Recap Studio imports only photos you picked or dropped (${photo}).`);
    fake.dialog.openAnswers.push({ canceled: false, filePaths: [photo] });
    expect(await door.invoke('showPhotoDialog', { multiple: true })).toEqual({ ok: true, value: [photo] });
    const imported = await door.invoke('importPhoto', { recapPath: recap, imageDir: 'kcd-china', source: { path: photo } });
    expect(imported.ok).toBe(true);
    const written = path.join(site, 'static', 'images', 'news', 'kcd-china', 'keynote.png');
    expect((await fs.stat(written)).isFile()).toBe(true);
    expect((await door.invoke('openRecap', { path: photo })).error?.message).toContain('can only open or save files you chose');

    const droppedPhoto = path.join(door.dir, 'Dropped.png');
    await fs.copyFile(photo, droppedPhoto);
    door.drop(droppedPhoto);
    expect((await door.invoke('importPhoto', { recapPath: recap, imageDir: 'kcd-china', source: { path: droppedPhoto } })).ok).toBe(true);
    // A dropped file that is no photo reaches the service, which says what is wrong with it.
    const notes = path.join(door.dir, 'notes.jpg');
    await fs.writeFile(notes, 'just text');
    door.drop(notes);
    const refusedByService = await door.invoke('importPhoto', { recapPath: recap, imageDir: 'kcd-china', source: { path: notes } });
    expect(refusedByService.ok).toBe(false);
    expect(refusedByService.error?.message).not.toContain('imports only photos you picked or dropped');
    expect(refusedByService.error?.message).toContain('notes.jpg');
  });

  it('lint and image lookups answer only for a recap the author opened (no existence oracle)', async () => {
    const secret = path.join(door.dir, 'elsewhere', 'secret.md');
    const lint = await door.invoke('lintRecap', { text: '![x](/etc/hostname)\n', path: secret });
    expect(lint.error?.message).toContain('can only open or save files you chose');
    const lookup = await door.invoke('resolveImages', { recapPath: secret, urls: ['/etc/hostname'] });
    expect(lookup.error?.message).toContain('can only open or save files you chose');
    // Without a path there is nothing on disk to learn; with an opened recap, the answer comes.
    expect((await door.invoke('lintRecap', { text: '# x\n', path: null })).ok).toBe(true);
    fake.dialog.openAnswers.push({ canceled: false, filePaths: [recap] });
    await door.invoke('showOpenDialog');
    expect((await door.invoke('resolveImages', { recapPath: recap, urls: ['/images/news/kcd-china/kcd-event.png'] })).ok).toBe(true);
  });

  it('photos go only beside a recap the author opened', async () => {
    const elsewhere = path.join(door.dir, 'elsewhere', 'post.md');
    const r = await door.invoke('listPhotos', { recapPath: elsewhere, imageDir: 'kcd-china' });
    expect(r.error?.message).toContain('can only open or save files you chose');
    // The images it links from other folders, and their copy into its folder, likewise.
    const linked = await door.invoke('linkedPhotos', { recapPath: elsewhere, imageDir: 'kcd-china', urls: ['/images/shared/logo.png'] });
    expect(linked.error?.message).toContain('can only open or save files you chose');
    const copy = await door.invoke('copyLinkedPhoto', { recapPath: elsewhere, imageDir: 'kcd-china', url: '/images/shared/logo.png' });
    expect(copy.error?.message).toContain('can only open or save files you chose');
  });

  it('keeps folder grants apart from file grants', async () => {
    const out = path.join(door.dir, 'export-out');
    await fs.mkdir(out);
    const plan = (dir: string) => door.invoke('planExport', { recapPath: recap, target: { kind: 'folder', dir } });
    // A granted file is not a folder to export into …
    expect((await plan(recap)).error?.message).toBe(`Recap Studio writes only into folders you chose (${recap}). Use Choose… to pick it.`);
    expect((await plan(out)).error?.message).toContain('writes only into folders you chose');
    fake.dialog.openAnswers.push({ canceled: false, filePaths: [out] });
    expect(await door.invoke('showFolderDialog', { title: 'Choose the export folder', defaultDir: null })).toEqual({ ok: true, value: out });
    expect((await plan(out)).ok).toBe(true);
    // … and a chosen folder is not a file to save over.
    expect((await door.invoke('saveRecap', { path: out, text: 'x' })).error?.message).toContain('can only open or save files you chose');
    // A zip goes into a chosen folder only.
    const zip = (file: string) => door.invoke('planExport', { recapPath: recap, target: { kind: 'zip', file } });
    expect((await zip(path.join(out, 'kcd.zip'))).ok).toBe(true);
    expect((await zip(path.join(door.dir, 'kcd.zip'))).error?.message).toContain('writes only into folders you chose');
  });

  it('a remembered site becomes an export target only when chosen in a folder dialog', async () => {
    expect((await door.invoke('rememberSite', { dir: site })).error?.message).toContain('writes only into folders you chose');
    fake.dialog.openAnswers.push({ canceled: false, filePaths: [site] });
    await door.invoke('showFolderDialog', { title: 'Choose the website checkout', defaultDir: null });
    expect((await door.invoke('rememberSite', { dir: site })).ok).toBe(true);
  });

  it('recent files listed on the home screen may be reopened', async () => {
    // Opened in an earlier run of the app (the same data folder), never granted in this one.
    const earlier = path.join(door.dir, 'earlier.md');
    await fs.copyFile(fixture, earlier);
    const { createRecapService } = await import('../../../electron/service/service');
    await createRecapService({ assetUrl: (p) => p, home: door.userData, cacheDir: path.join(door.dir, 'cache') }).openRecap({ path: earlier });
    expect((await door.invoke('openRecap', { path: earlier })).ok).toBe(false);
    const home = await door.invoke('homeData', {});
    expect((home.value as { recent: { path: string }[] }).recent.map((f) => f.path)).toContain(earlier);
    expect((await door.invoke('openRecap', { path: earlier })).ok).toBe(true);
  });
});
