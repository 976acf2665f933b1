// The accessibility audit: axe-core (WCAG 2.0/2.1 A and AA, and best practices) over every
// screen an author meets, in the light and the dark theme: the home screen empty and with
// drafts, the editor on the reference recap (form, text, preview, photo tray, Problems panel,
// find bar) and each dialog. A serious or critical violation fails with its rule, its element
// and what to fix; moderate and minor ones are printed as a summary.
// SCREENSHOTS_DIR=dir also writes each audited screen there.
import { readFileSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceRecap, root, startSession, type Session } from './harness';
import { openInTheme, type Scheme } from './themed-page';

const SCHEMES: Scheme[] = ['light', 'dark'];
/** A hang guard only: each test audits several screens in two themes on a shared machine. */
const SLOW = 240_000;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const AXE_SOURCE = readFileSync(path.join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const PHOTOS = ['kcd-china-event', 'kcd-beijing-organizers', 'guest-speakers', 'kcd-event', 'kcd-event-2', 'kcd-event-3'];

interface Finding {
  scene: string;
  id: string;
  impact: string;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: string; summary: string }>;
}

let session: Session;
let post: string;
let camera: string;
/** Moderate and minor findings of the whole run, printed at the end. */
const minor: Finding[] = [];

beforeAll(async () => {
  session = await startSession();
  post = await hugoSite();
  camera = path.join(session.dir, 'camera', 'Hallway track.jpg');
  await fs.mkdir(path.dirname(camera), { recursive: true });
  await sharp({ create: { width: 900, height: 600, channels: 3, background: '#2f6fde' } }).jpeg().toFile(camera);
});
afterAll(async () => {
  if (minor.length > 0) {
    const rules = new Map<string, { count: number; example: string }>();
    for (const f of minor) {
      const key = `[${f.impact}] ${f.id}: ${f.help}`;
      const seen = rules.get(key);
      rules.set(key, { count: (seen?.count ?? 0) + f.nodes.length, example: seen?.example ?? `${f.scene} ${f.nodes[0]?.target ?? ''}` });
    }
    console.log(`Accessibility, moderate and minor (not failing):\n${[...rules].map(([k, r]) => `  ${k} (${r.count} elements, e.g. ${r.example})`).join('\n')}`);
  }
  await session?.close();
});

/** A Hugo site whose only post is the reference recap, with its six photos. */
async function hugoSite(): Promise<string> {
  const site = path.join(session.dir, 'site');
  const file = path.join(site, 'content', 'en', 'news', 'kubernetes-community-days-china.md');
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(path.join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "Community"\n');
  await fs.copyFile(referenceRecap, file);
  const images = path.join(site, 'static', 'images', 'news', 'kcd-china');
  await fs.mkdir(images, { recursive: true });
  for (const [i, name] of PHOTOS.entries()) {
    await sharp({ create: { width: 640, height: 400, channels: 3, background: { r: 30 * i, g: 110, b: 190 } } }).png().toFile(path.join(images, `${name}.png`));
  }
  return file;
}

const openIn = (scheme: Scheme, file?: string): Promise<Page> => openInTheme(session, scheme, file);

async function home(scheme: Scheme): Promise<Page> {
  const page = await openIn(scheme);
  if (!(await page.getByTestId('home').isVisible())) await page.getByTestId('btn-home').click();
  await page.getByTestId('home').waitFor();
  return page;
}

/** The recap in the editor, its preview and photo tray filled in. */
async function editorOn(scheme: Scheme): Promise<Page> {
  const page = await openIn(scheme, post);
  await page.locator('.pv img').first().waitFor();
  await expect.poll(() => page.getByTestId('photo-card').count()).toBeGreaterThanOrEqual(PHOTOS.length);
  await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).not.toBe('');
  return page;
}

async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env['SCREENSHOTS_DIR'];
  if (!dir) return;
  await fs.mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `a11y-${name}.png`) });
}

/**
 * Runs axe-core on the page as it is now. The page's CSP allows no inline script, so the
 * audit goes in through evaluate (which the CSP does not govern), not a <script> tag.
 */
async function audit(page: Page, scene: string): Promise<Finding[]> {
  // Colours are measured as they are drawn: a dialog still fading in is half transparent, and
  // its text would read as too faint. Wait for every finite animation to end (spinners loop).
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
  );
  await shoot(page, scene);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'minor',
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary ?? '' })),
    }));
  }, TAGS);
  const findings = violations.map((v) => ({ scene, ...v }));
  minor.push(...findings.filter((f) => f.impact === 'moderate' || f.impact === 'minor'));
  return findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
}

/** What a developer needs to act: the scene, the rule, each element and axe's own summary. */
function report(findings: Finding[]): string {
  return findings
    .map((f) => [`${f.scene}: [${f.impact}] ${f.id} — ${f.help} (${f.helpUrl})`, ...f.nodes.map((n) => `    ${n.target}\n      ${n.summary.replace(/\n/g, '\n      ')}`)].join('\n'))
    .join('\n');
}

type Check = (page: Page, scene: string) => Promise<void>;

/** `visit` in the light theme, then the dark; fails with every serious or critical finding of both. */
async function inBothThemes(visit: (scheme: Scheme, check: Check) => Promise<void>): Promise<void> {
  const found: Finding[] = [];
  for (const scheme of SCHEMES) {
    await visit(scheme, async (page, scene) => {
      found.push(...(await audit(page, `${scene}-${scheme}`)));
    });
  }
  expect(report(found), 'serious or critical accessibility violations').toBe('');
}

describe('accessibility audit (axe-core)', () => {
  it('the home screen with no drafts yet', () =>
    inBothThemes(async (scheme, check) => {
      const page = await home(scheme);
      await page.getByTestId('home-empty').waitFor();
      await check(page, 'home-empty');
      await page.context().close();
    }), SLOW);

  it('the editor: form, text, preview, photo tray, Problems panel and find bar', () =>
    inBothThemes(async (scheme, check) => {
      const page = await editorOn(scheme);
      await check(page, 'editor');
      await page.getByTestId('problems-button').click();
      await page.locator('.problems-panel').waitFor();
      await check(page, 'problems');
      await page.keyboard.press('Escape');
      await page.locator('.problems-panel').waitFor({ state: 'detached' });
      await page.locator('.editor-pane .w-md-editor-text-input').focus();
      await page.keyboard.press('Control+H');
      await page.getByTestId('find-bar').waitFor();
      await page.getByTestId('find-query').fill('Kubernetes');
      await check(page, 'find');
      await page.context().close();
    }), SLOW);

  it('the export, history and open dialogs', () =>
    inBothThemes(async (scheme, check) => {
      const page = await editorOn(scheme);
      await page.getByTestId('btn-export').click();
      await expect.poll(() => page.getByTestId('export-files').count()).toBe(1);
      await page.locator('[data-testid="export-checks"], [data-testid="export-checks-ok"]').first().waitFor();
      await check(page, 'export');
      await page.keyboard.press('Escape');
      await page.getByTestId('btn-history').click();
      await page.getByTestId('history-item').first().waitFor();
      await check(page, 'history');
      await page.getByTestId('history-close').click();
      await page.getByTestId('btn-open').click();
      await page.getByTestId('picker-ok').waitFor();
      await check(page, 'open');
      await page.context().close();
    }), SLOW);

  it('photo import, the question before replacing a file, and the changed-on-disk comparison', () =>
    inBothThemes(async (scheme, check) => {
      const page = await editorOn(scheme);
      await page.locator('.editor-pane .w-md-editor-text-input').focus();
      const chooser = page.waitForEvent('filechooser');
      await page.getByTestId('btn-insert-photos').click();
      await (await chooser).setFiles([camera]);
      await page.locator('[data-testid="photo-batch"][data-running="false"]').waitFor({ timeout: 30_000 });
      await check(page, 'photo-import');
      await page.getByTestId('photo-batch-done').click();
      await page.context().close();

      const file = path.join(session.dir, `shared-${scheme}.md`);
      await fs.copyFile(referenceRecap, file);
      const other = await openIn(scheme, file);
      await other.getByTestId('btn-save-as').click();
      await other.getByTestId('picker-path').fill(file);
      await other.getByTestId('picker-ok').click();
      await other.getByTestId('confirm-overwrite').waitFor();
      await check(other, 'replace');
      await other.getByTestId('confirm-cancel').click();
      await other.getByTestId('picker-cancel').click();

      const text = other.locator('.editor-pane .w-md-editor-text-input');
      await text.click();
      await text.press('Control+End');
      await text.pressSequentially('Mine.');
      await fs.appendFile(file, 'Theirs.\n');
      await other.keyboard.press('Control+S');
      await other.getByTestId('compare-keep').waitFor();
      await check(other, 'compare');
      await other.context().close();
    }), SLOW);

  it('the home screen with drafts', () =>
    inBothThemes(async (scheme, check) => {
      const page = await home(scheme);
      await expect.poll(() => page.getByTestId('draft-card').count()).toBeGreaterThan(1);
      await check(page, 'home');
      await page.context().close();
    }), SLOW);
});
