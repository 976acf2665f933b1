// The switches the browser tests and the benches start Chromium with (test/chromium.mjs): one
// --disable-features (Chromium keeps only the last one) that still carries Playwright's own list.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSER_UI_FEATURES_OFF, chromiumArgs, PLAYWRIGHT_DISABLED_FEATURES } from '../../chromium.mjs';

/** The feature names in Playwright's `disabledFeatures = [ … ]`, read from the installed package. */
function playwrightsList(): string[] {
  const bundle = path.join(path.dirname(require.resolve('playwright-core/package.json')), 'lib', 'coreBundle.js');
  const text = readFileSync(bundle, 'utf8');
  const list = /\bdisabledFeatures = \[([^\]]*)\]/.exec(text);
  if (!list?.[1]) throw new Error(`Playwright's disabledFeatures list is not in ${bundle}: read its chromiumSwitches and update test/chromium.mjs`);
  return [...list[1].matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? '');
}

const disabled = (args: string[]): string[][] => args.filter((a) => a.startsWith('--disable-features=')).map((a) => a.slice('--disable-features='.length).split(','));

describe('Chromium switches of the tests and benches', () => {
  it('keep every feature the installed Playwright turns off, since ours replaces its --disable-features', () => {
    const installed = playwrightsList();
    expect(installed.length).toBeGreaterThan(5);
    expect(PLAYWRIGHT_DISABLED_FEATURES).toEqual(installed);
    const [only, ...more] = disabled(chromiumArgs());
    expect(more).toEqual([]);
    expect(only).toEqual(expect.arrayContaining([...installed, ...BROWSER_UI_FEATURES_OFF]));
  });

  it('merge a bench’s own --disable-features into the one switch and keep its other switches', () => {
    const args = chromiumArgs(['--disable-features=Foo,PaintHolding', '--disable-renderer-accessibility']);
    const lists = disabled(args);
    expect(lists).toHaveLength(1);
    expect(lists[0]).toEqual(expect.arrayContaining(['Foo', 'PaintHolding', 'WebUIOmniboxPopup']));
    expect(lists[0]?.filter((f) => f === 'PaintHolding')).toHaveLength(1);
    expect(args).toContain('--disable-renderer-accessibility');
    expect(args).toContain('--no-sandbox');
  });
});
