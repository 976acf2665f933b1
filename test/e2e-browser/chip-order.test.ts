// A list field's chips in the real renderer: their order (a drag, or Alt+← / Alt+→ on a chip's ×),
// an item's text (a double-click or F2), and the values the site's other posts give the field,
// offered while typing. The file's list changes and nothing else: a moved or edited item keeps
// its lines and comments.
import { promises as fs } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sessionForFile } from './harness';

const files = sessionForFile();

const POST = [
  '---',
  'title: Spring Meetup',
  'author:',
  '  - Dana Berg # organiser',
  '  - Li Wei',
  'keywords: # topics',
  '  - k8s # the main one',
  '  # the CNCF projects:',
  '  - flux',
  '  - argo',
  'description: A spring day',
  '---',
  '',
  'Text.',
  '',
].join('\n');

const chips = (page: Page, field: string) => page.locator(`[data-field="${field}"] .chip-label`).allTextContents();
const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);

describe('a list field’s chips: order and text', () => {
  it('a chip dragged before another moves there, with its comments in the file', async () => {
    const post = await files.write('drag/spring.md', POST);
    const page = await files.session().open({ file: post });
    await expect.poll(() => chips(page, 'keywords')).toEqual(['k8s', 'flux', 'argo']);
    const chip = (name: string) => page.locator('[data-field="keywords"] .chip', { hasText: name });
    expect(await chip('argo').getAttribute('draggable')).toBe('true');

    // argo onto the left half of k8s: the first keyword.
    const box = await chip('k8s').boundingBox();
    if (!box) throw new Error('no k8s chip');
    await chip('argo').dragTo(chip('k8s'), { targetPosition: { x: 4, y: box.height / 2 } });
    await expect.poll(() => chips(page, 'keywords')).toEqual(['argo', 'k8s', 'flux']);
    // The drop leaves no mark behind.
    expect(await page.locator('.chip.drop-before, .chip.drop-after, .chip.is-dragging').count()).toBe(0);

    // k8s onto the right half of flux: after it.
    const flux = await chip('flux').boundingBox();
    if (!flux) throw new Error('no flux chip');
    await chip('k8s').dragTo(chip('flux'), { targetPosition: { x: flux.width - 4, y: flux.height / 2 } });
    await expect.poll(() => chips(page, 'keywords')).toEqual(['argo', 'flux', 'k8s']);

    await page.keyboard.press('Control+S');
    await expect.poll(() => fs.readFile(post, 'utf8')).toContain('  - argo\n  # the CNCF projects:');
    const after = await fs.readFile(post, 'utf8');
    expect(after).toBe(POST.replace('  - k8s # the main one\n  # the CNCF projects:\n  - flux\n  - argo\n', '  - argo\n  # the CNCF projects:\n  - flux\n  - k8s # the main one\n'));
    await page.context().close();
  });

  it('Alt+→ and Alt+← on a chip’s × move it, keep the focus on it, say where it went and undo as one step', async () => {
    const post = await files.write('keys/spring.md', POST);
    const page = await files.session().open({ file: post });
    // What the browser is left to do with each Alt+arrow (Alt+← is its Back): nothing.
    await page.evaluate(() => {
      const seen: boolean[] = [];
      Object.assign(window, { altArrows: seen });
      window.addEventListener('keydown', (e) => {
        if (e.altKey && e.key.startsWith('Arrow')) seen.push(e.defaultPrevented);
      });
    });
    await expect.poll(() => chips(page, 'author')).toEqual(['Dana Berg', 'Li Wei']);
    await page.getByRole('button', { name: 'Remove name Dana Berg' }).focus();

    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => chips(page, 'author')).toEqual(['Li Wei', 'Dana Berg']);
    await expect.poll(() => focused(page)).toBe('Remove name Dana Berg');
    await expect.poll(() => page.locator('[data-field="author"] [role="status"]').textContent()).toBe('Moved “Dana Berg” to place 2 of 2.');
    // Already last: nothing moves, nothing is written.
    await page.keyboard.press('Alt+ArrowRight');
    await page.keyboard.press('Alt+ArrowLeft');
    await expect.poll(() => chips(page, 'author')).toEqual(['Dana Berg', 'Li Wei']);
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => chips(page, 'author')).toEqual(['Li Wei', 'Dana Berg']);
    await page.keyboard.press('Alt+ArrowLeft');
    await expect.poll(() => chips(page, 'author')).toEqual(['Dana Berg', 'Li Wei']);
    // First already: nothing moves; and no Alt+arrow on a chip is left to the browser (Alt+← is its Back).
    await page.keyboard.press('Alt+ArrowLeft');
    expect(await page.evaluate(() => (window as unknown as { altArrows: boolean[] }).altArrows)).toEqual([true, true, true, true, true, true]);
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => chips(page, 'author')).toEqual(['Li Wei', 'Dana Berg']);

    await page.keyboard.press('Control+S');
    await expect.poll(() => fs.readFile(post, 'utf8')).toContain('author:\n  - Li Wei\n  - Dana Berg # organiser\n');
    expect(await fs.readFile(post, 'utf8')).toBe(POST.replace('  - Dana Berg # organiser\n  - Li Wei\n', '  - Li Wei\n  - Dana Berg # organiser\n'));

    // One move, one undo step.
    await page.locator('.editor-pane .w-md-editor-text-input').focus();
    await page.keyboard.press('Control+Z');
    await expect.poll(() => chips(page, 'author')).toEqual(['Dana Berg', 'Li Wei']);
    await page.context().close();
  });

  it('a double-click or F2 edits a chip where it stands; Escape leaves it; the file keeps its comment', async () => {
    const post = await files.write('edit/spring.md', POST);
    const page = await files.session().open({ file: post });
    await expect.poll(() => chips(page, 'keywords')).toEqual(['k8s', 'flux', 'argo']);
    const edit = page.locator('[data-field="keywords"] .chip-edit');

    await page.locator('[data-field="keywords"] .chip-label', { hasText: 'k8s' }).dblclick();
    await expect.poll(() => edit.getAttribute('aria-label')).toBe('Edit keyword k8s');
    // The whole text is selected: typing replaces it.
    await page.keyboard.type('kubernetes');
    await page.keyboard.press('Enter');
    await expect.poll(() => chips(page, 'keywords')).toEqual(['kubernetes', 'flux', 'argo']);
    await expect.poll(() => focused(page)).toBe('Remove keyword kubernetes');

    // F2 on a chip's ×; Escape puts it back as it was, with the focus on it.
    await page.getByRole('button', { name: 'Remove keyword argo' }).focus();
    await page.keyboard.press('F2');
    await expect.poll(() => edit.inputValue()).toBe('argo');
    await page.keyboard.type('nothing');
    await page.keyboard.press('Escape');
    await expect.poll(() => edit.count()).toBe(0);
    await expect.poll(() => focused(page)).toBe('Remove keyword argo');
    expect(await chips(page, 'keywords')).toEqual(['kubernetes', 'flux', 'argo']);

    // Given a keyword the list has, the edited one goes (it is there already); leaving the box writes too.
    await page.getByRole('button', { name: 'Remove keyword argo' }).focus();
    await page.keyboard.press('F2');
    await page.keyboard.type('flux');
    await page.getByTestId('field-title').click();
    await expect.poll(() => chips(page, 'keywords')).toEqual(['kubernetes', 'flux']);
    // Leaving the box left the focus where the click put it.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('field-title');

    await page.keyboard.press('Control+S');
    const saved = POST.replace('  - k8s # the main one\n', '  - kubernetes # the main one\n').replace('  - argo\n', '');
    await expect.poll(() => fs.readFile(post, 'utf8')).toBe(saved);
    await page.context().close();
  });

  it('a double-click on a chip’s × removes that one item, not the next one moved under the pointer', async () => {
    // Chips of one width: once k8s goes, k9s's × stands where the second click lands.
    const post = await files.write('twice/spring.md', POST.replace('  - flux\n  - argo\n', '  - k9s\n  - k7s\n'));
    const page = await files.session().open({ file: post });
    await expect.poll(() => chips(page, 'keywords')).toEqual(['k8s', 'k9s', 'k7s']);
    await page.getByRole('button', { name: 'Remove keyword k8s' }).dblclick();
    await expect.poll(() => chips(page, 'keywords')).toEqual(['k9s', 'k7s']);
    // One removal, one undo step, back to the three.
    await page.keyboard.press('Control+Z');
    await expect.poll(() => chips(page, 'keywords')).toEqual(['k8s', 'k9s', 'k7s']);
    await page.context().close();
  });

  it('offers the values the site’s other posts give the field; one picked is added at once, one typed waits for Enter', async () => {
    await files.write('site/config.toml', 'title = "KubeSphere"\n');
    await files.write('site/content/en/news/a.md', '---\ntitle: "A"\nkeywords: "Kubernetes, KubeSphere"\nauthor: "Lindsay"\ntags: [meetup, china]\n---\n\nA\n');
    await files.write('site/content/en/news/b.md', '---\ntitle: "B"\nkeywords: "Kubernetes, Cloud Native"\nauthor: "Feynman"\ntags: [meetup]\n---\n\nB\n');
    const post = await files.write('site/content/en/news/c.md', '---\ntitle: "C"\nkeywords: "Kubernetes"\nauthor: "Lindsay"\ntags: [china]\n---\n\nC\n');
    const page = await files.session().open({ file: post });
    const input = page.getByTestId('field-keywords');
    const offered = (listId: string) => page.locator(`datalist#${listId} option`).evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    // Most used first, without the ones the post has.
    await expect.poll(() => offered('fm-keywords-known')).toEqual(['Cloud Native', 'KubeSphere']);
    expect(await input.getAttribute('list')).toBe('fm-keywords-known');
    expect(await offered('fm-author-known')).toEqual(['Feynman']);
    // A list field beyond the profile's (tags) offers its own.
    expect(await offered('extra-tags-known')).toEqual(['meetup']);

    // Typed in full, a value is text until Enter, as any other.
    await input.click();
    await page.keyboard.type('Cloud Native');
    expect(await chips(page, 'keywords')).toEqual(['Kubernetes']);
    await page.keyboard.press('Enter');
    await expect.poll(() => chips(page, 'keywords')).toEqual(['Kubernetes', 'Cloud Native']);
    await expect.poll(() => offered('fm-keywords-known')).toEqual(['KubeSphere']);

    // Picked from the list (the browser sets the value and fires an input event that is no typing): added at once.
    await input.evaluate((el) => {
      const field = el as HTMLInputElement;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(field, 'KubeSphere');
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect.poll(() => chips(page, 'keywords')).toEqual(['Kubernetes', 'Cloud Native', 'KubeSphere']);
    expect(await input.inputValue()).toBe('');
    // Nothing left to offer: no list.
    await expect.poll(() => input.getAttribute('list')).toBeNull();

    await page.keyboard.press('Control+S');
    await expect.poll(() => fs.readFile(post, 'utf8')).toContain('keywords: "Kubernetes, Cloud Native, KubeSphere"\n');
    await page.context().close();
  });

  it('offers a hostile post’s keyword as the text it is: no element, no handler run', async () => {
    await files.write('hostile/config.toml', 'title = "KubeSphere"\n');
    await files.write('hostile/content/en/news/a.md', '---\ntitle: "A"\nkeywords: "<img src=x onerror=window.pwned=1>, \\"/><script>window.pwned=2</script>"\n---\n\nA\n');
    const post = await files.write('hostile/content/en/news/b.md', '---\ntitle: "B"\nkeywords: "Kubernetes"\n---\n\nB\n');
    const page = await files.session().open({ file: post });
    const offered = page.locator('datalist#fm-keywords-known option');
    await expect.poll(() => offered.evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual(['"/><script>window.pwned=2</script>', '<img src=x onerror=window.pwned=1>']);
    expect(await page.locator('.fm-panel img, .fm-panel script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await page.context().close();
  });
});
