import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createDraftStore } from '../../electron/service/drafts/drafts';
import { referenceRecap, startSession, type Session } from './harness';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

/** A page in a fresh English context, given a copy of the reference recap named `name`; the context closes after `use`. */
async function withRecapPage(name: string, use: (page: Page, file: string) => Promise<void>): Promise<void> {
  const file = path.join(session.dir, name);
  await fs.copyFile(referenceRecap, file);
  const context = await session.browser.newContext({ locale: 'en-US' });
  try {
    await use(await context.newPage(), file);
  } finally {
    await context.close();
  }
}

interface AtReady {
  editor: { x: number; y: number; width: number; height: number };
  side: { x: number; width: number } | null;
  form: boolean;
  /** The status bar's menus (theme, language) drawn so far. */
  switches: number;
  /** Whether the editor pane's empty placeholder (its code still loading) was ever on screen. */
  placeholderSeen: boolean;
  /** How many times the "Opening…" line was drawn. */
  openings: number;
}

/**
 * Runs in the page before its scripts: at the moment the app says the text takes keys, it records
 * where the editor and the form's column are, and whether the form is there yet.
 */
function recordAtReady(): void {
  let ready: unknown;
  const seen = { placeholder: false, openings: 0 };
  // Every element added, even one gone again before this observer ran.
  const added = (records: MutationRecord[], selector: string): boolean =>
    records.some((r) => [...r.addedNodes].some((n) => n instanceof Element && (n.matches(selector) || n.querySelector(selector) !== null)));
  new MutationObserver((records) => {
    if (added(records, '.editor-pane[aria-busy="true"]')) seen.placeholder = true;
    if (added(records, '.is-starting')) seen.openings += 1;
  }).observe(document, { childList: true, subtree: true });
  Object.defineProperty(window, '__recapReady', {
    configurable: true,
    get: () => ready,
    set(v: unknown) {
      ready = v;
      const w = window as unknown as { __atReady?: AtReady };
      const ta = document.querySelector('.w-md-editor-text-input');
      if (v !== true || w.__atReady || !ta) return;
      const r = ta.getBoundingClientRect();
      const side = document.querySelector('.workspace > .side')?.getBoundingClientRect() ?? null;
      w.__atReady = {
        editor: { x: r.x, y: r.y, width: r.width, height: r.height },
        side: side ? { x: side.x, width: side.width } : null,
        form: document.querySelector('.fm-panel') !== null,
        switches: document.querySelectorAll('.statusbar-switches select').length,
        placeholderSeen: seen.placeholder,
        openings: seen.openings,
      };
    },
  });
}

interface RenderLog {
  commitsAfterReady: number;
  /** After "ready": how many times a component rendered, by the first element it draws (`tag.class`). */
  afterReady: Record<string, number>;
  /** After "ready": each commit's rendered components, by the same names. */
  commits: string[][];
}

/**
 * Runs in the page before its scripts: a React DevTools hook (React calls it at every commit) that
 * counts, after the app says the text takes keys, each component that rendered, named by the first
 * element it draws. A component rendered when React marked it as having done work; a subtree
 * whose children are the same fibers as before did not render and is not walked.
 */
function recordRenders(): void {
  interface Fiber {
    tag: number;
    flags: number;
    type: unknown;
    child: Fiber | null;
    sibling: Fiber | null;
    alternate: Fiber | null;
    memoizedProps: { className?: unknown } | null;
  }
  const log: RenderLog = { commitsAfterReady: 0, afterReady: {}, commits: [] };
  (window as unknown as { __renders: RenderLog }).__renders = log;
  const COMPONENT = new Set([0, 1, 11, 14, 15]);
  const HOST = 5;
  const PERFORMED_WORK = 1;
  const firstElement = (f: Fiber): string => {
    let c: Fiber | null = f.child;
    while (c && c.tag !== HOST) c = c.child;
    if (!c) return '';
    const cls = typeof c.memoizedProps?.className === 'string' ? c.memoizedProps.className.split(' ')[0] : '';
    return `${String(c.type)}${cls ? `.${cls}` : ''}`;
  };
  const walk = (first: Fiber | null, commit: string[]): void => {
    for (let f = first; f; f = f.sibling) {
      const prev = f.alternate;
      if (COMPONENT.has(f.tag) && prev !== null && (f.flags & PERFORMED_WORK) !== 0) {
        const name = firstElement(f);
        log.afterReady[name] = (log.afterReady[name] ?? 0) + 1;
        commit.push(name);
      }
      if (prev === null || f.child !== prev.child) walk(f.child, commit);
    }
  };
  (window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown }).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject: () => 1,
    onCommitFiberRoot(_id: number, root: { current: Fiber }) {
      if ((window as unknown as { __recapReady?: boolean }).__recapReady !== true) return;
      log.commitsAfterReady += 1;
      const commit: string[] = [];
      log.commits.push(commit);
      const { current } = root;
      if (current.alternate === null || current.child !== current.alternate.child) walk(current.child, commit);
    },
    onCommitFiberUnmount: () => undefined,
    onPostCommitFiberRoot: () => undefined,
    onScheduleFiberRoot: () => undefined,
    setStrictMode: () => undefined,
    checkDCE: () => undefined,
  };
}

describe('opening a recap at start', () => {
  it('the workspace comes whole with the text, which takes keys first; the form, the word count, the photo tray and the preview fill in around it without moving it, and the first keys stay', async () => {
    const file = path.join(session.dir, 'kcd.md');
    await fs.copyFile(referenceRecap, file);
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    try {
      const page = await context.newPage();
      page.on('pageerror', (err) => console.error('[page error]', err.message));
      await page.addInitScript(recordAtReady);
      // The API methods the page calls.
      const calls: string[] = [];
      page.on('request', (req) => {
        const m = /\/api\/(\w+)$/.exec(new URL(req.url()).pathname);
        if (m?.[1]) calls.push(m[1]);
      });
      await page.goto(`${session.server.url}&file=${encodeURIComponent(file)}`);
      await page.waitForFunction(() => (window as unknown as { __atReady?: AtReady }).__atReady !== undefined, null, { timeout: 20_000 });
      // Typed at once, at the end of the body: while the rest of the workspace mounts.
      const editor = page.locator('.w-md-editor-text-input');
      await editor.focus();
      await editor.press('Control+End');
      await page.keyboard.type(' Early words.');
      const atReady = await page.evaluate(() => (window as unknown as { __atReady: AtReady }).__atReady);
      // The workspace came in one piece with the recap's text: its code was fetched while the
      // recap was on its way, so the "Opening…" line was drawn once (no second loading pass
      // while the workspace's code arrived) and the editor pane never showed empty.
      expect(atReady.placeholderSeen).toBe(false);
      expect(atReady.openings).toBe(1);
      // The form's column is already in its place (empty or filled) when the text takes keys.
      expect(atReady.side).not.toBeNull();
      expect(atReady.side?.width).toBeGreaterThan(0);

      await expect.poll(() => page.getByTestId('field-title').inputValue()).toBe('Kubernetes Community Days China Recap');
      await expect.poll(() => page.getByTestId('word-count').textContent()).toMatch(/^\d+ words · \d+ min read$/);
      await expect.poll(() => page.getByTestId('preview').innerHTML()).toContain('Early words.');
      // The photo tray comes in a frame of its own after the form, into the column's place;
      // the status bar's menus come with the form, into the bar's fixed height.
      await page.getByTestId('photo-folder').waitFor();
      expect(atReady.switches).toBe(0);
      expect(await page.locator('.statusbar-switches select').count()).toBeGreaterThanOrEqual(2);
      const after = await page.evaluate(() => {
        const r = document.querySelector('.w-md-editor-text-input')!.getBoundingClientRect();
        const side = document.querySelector('.workspace > .side')!.getBoundingClientRect();
        return { editor: { x: r.x, y: r.y, width: r.width, height: r.height }, side: { x: side.x, width: side.width } };
      });
      // Nothing moved when the rest arrived.
      expect(after.editor).toEqual(atReady.editor);
      expect(after.side).toEqual(atReady.side);
      expect(await editor.inputValue()).toMatch(/ Early words\.\n*$/);
      // And the keystrokes reach the file's draft like any other edit.
      await expect.poll(() => page.getByTestId('draft-status').textContent()).toMatch(/^Draft saved/);
      // A browser tab's title is the page's own: the browser door is not asked to set a window's.
      expect(await page.title()).toBe('• kcd.md — Recap Studio'); // typed, not yet saved to the file
      expect(calls).toContain('openRecap');
      expect(calls).not.toContain('setDocumentState');
    } finally {
      await context.close();
    }
  });

  it('once the text takes keys, the late panels and the service\'s answers render what shows them: never the editor again, the top bar once (its problems), the status bar once (its menus), never the workspace alone', async () => {
    await withRecapPage('renders.md', async (page, file) => {
      await page.addInitScript(recordRenders);
      await page.goto(`${session.server.url}&file=${encodeURIComponent(file)}`);
      await page.waitForFunction(() => (window as unknown as { __recapReady?: boolean }).__recapReady === true, null, { timeout: 20_000 });
      // Everything that fills in after "ready": the form, the photo tray with its folder and list,
      // the preview with its images looked up, the problems' answer, the word count.
      await page.getByTestId('field-title').waitFor();
      await page.getByTestId('photo-folder').waitFor();
      await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toMatch(/^\d+$/);
      await expect.poll(() => page.getByTestId('word-count').textContent()).toMatch(/^\d+ words/);
      await page.getByTestId('preview').waitFor();
      await expect.poll(() => page.locator('.pv .img-notice.is-pending').count()).toBe(0);
      const renders = await page.evaluate(() => (window as unknown as { __renders: RenderLog }).__renders);
      expect(renders.commitsAfterReady).toBeGreaterThan(0);
      // The editor pane's props stay the same objects through all of it (it is shown, untouched)…
      expect(renders.afterReady['section.editor-pane'] ?? 0).toBe(0);
      // …and the top bar renders for the one thing it shows that changed: the problems' count.
      expect(renders.afterReady['header.topbar'] ?? 0).toBe(1);
      // The status bar renders once, as its menus and the word count come: the draft's status
      // ("Draft saved", as loaded) says nothing new at "ready".
      expect(renders.afterReady['footer.statusbar'] ?? 0).toBe(1);
      // No commit renders the workspace's top level alone: an answer that shows nothing (this
      // recap is no translation, so the translation view's answer is null) renders nothing.
      const workspaceOnly = renders.commits.filter((names) => names.length > 0 && names.every((n) => n === 'div.app'));
      expect(workspaceOnly).toEqual([]);
    });
  });

  it("asks for the editor's chunks as the first chunk starts to run, before React is evaluated, and no other script before the text takes keys", async () => {
    await withRecapPage('early-chunks.md', async (page, file) => {
      // ReactDOM reads its DevTools hook as its module is evaluated: the moment React runs.
      await page.addInitScript(() => {
        const w = window as unknown as { __reactAt?: number };
        Object.defineProperty(window, '__REACT_DEVTOOLS_GLOBAL_HOOK__', {
          configurable: true,
          get: () => {
            w.__reactAt ??= performance.now();
            return undefined;
          },
        });
        // The moment the text takes keys.
        let ready: unknown;
        Object.defineProperty(window, '__recapReady', {
          configurable: true,
          get: () => ready,
          set(v: unknown) {
            ready = v;
            (window as unknown as { __readyAt?: number }).__readyAt ??= performance.now();
          },
        });
    });
    await page.goto(`${session.server.url}&file=${encodeURIComponent(file)}`);
    await page.waitForFunction(() => (window as unknown as { __recapReady?: boolean }).__recapReady === true, null, { timeout: 20_000 });
    const seen = await page.evaluate(() => {
      const readyAt = (window as unknown as { __readyAt?: number }).__readyAt ?? Infinity;
      return {
        reactAt: (window as unknown as { __reactAt?: number }).__reactAt ?? null,
        // Every lazy chunk asked for before the text took keys (the first chunk, index-*, aside).
        chunks: performance
          .getEntriesByType('resource')
          .filter((e) => /\/assets\/(?!index-)[^/]+\.js$/.test(e.name) && e.startTime < readyAt)
          .map((e) => ({ name: e.name.replace(/^.*\//, ''), start: e.startTime })),
      };
    });
    expect(seen.reactAt).not.toBeNull();
    // The workspace with its editor pane, the parsers and the editor's session (its two files),
    // and nothing else: the editor pane comes with the workspace's imports, and the small modules they
    // share (the front matter's cut, the byline's date, the author names) in the session's
    // shared file, not four more requests.
    expect(seen.chunks.map((c) => c.name.replace(/-[\w-]{8}\.js$/, '')).sort()).toEqual(['Workspace', 'editorSession', 'editorSession', 'frontmatter']);
    // Each was asked for before ReactDOM (the largest part of the first chunk) was evaluated.
    for (const c of seen.chunks) expect(c.start, c.name).toBeLessThan(seen.reactAt ?? 0);
    });
  });

  it('leaves the address that names the recap as it is (only the token moves out), and still records the open draft for a crash', async () => {
    await withRecapPage('address.md', async (page, file) => {
      // Every history.replaceState: the address before it and the one it writes.
      await page.addInitScript(() => {
        const w = window as unknown as { __replaced: { from: string; to: string }[] };
        w.__replaced = [];
        const replace = history.replaceState.bind(history);
        history.replaceState = (state: unknown, unused: string, url?: string | URL | null) => {
          w.__replaced.push({ from: location.href, to: new URL(url ?? location.href, location.href).href });
          replace(state, unused, url);
        };
    });
    const openDrafts: unknown[] = [];
    page.on('request', (req) => {
      if (new URL(req.url()).pathname === '/api/setOpenDrafts') openDrafts.push(req.postDataJSON());
    });
    await page.goto(`${session.server.url}&file=${encodeURIComponent(file)}`);
    await page.getByTestId('field-title').waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.has('token')).toBe(false);
    expect(new URL(page.url()).searchParams.get('file')).toBe(file);
    const replaced = await page.evaluate(() => (window as unknown as { __replaced: { from: string; to: string }[] }).__replaced);
    // One rewrite, the token's; none that writes the address it already had.
    expect(replaced.filter((r) => r.from === r.to)).toEqual([]);
    expect(replaced).toHaveLength(1);
    await expect.poll(() => openDrafts.length).toBe(1);
    expect(openDrafts[0]).toEqual({ ids: [expect.any(String)] });
    });
  });

  it("names a draft with no file by its title from the workspace's first frame, before its front matter is read", async () => {
    const store = createDraftStore({ home: session.home });
    await store.createDraft('---\ntitle: "Autumn meetup: notes"\ntags: [k8s]\n---\n\nNotes of the autumn meetup.\n');
    const page = await session.openHome();
    try {
      // The top bar's name each time it is drawn, from the first time the workspace is.
      await page.evaluate(() => {
        const w = window as unknown as { __names: string[] };
        w.__names = [];
        new MutationObserver(() => {
          const name = document.querySelector('.topbar .doc-file')?.textContent ?? null;
          if (name !== null && name !== w.__names.at(-1)) w.__names.push(name);
        }).observe(document, { childList: true, subtree: true, characterData: true });
      });
      await page.getByTestId('draft-title').filter({ hasText: 'Autumn meetup: notes' }).click();
      await expect.poll(() => page.getByTestId('field-title').inputValue()).toBe('Autumn meetup: notes');
      await expect.poll(() => page.title()).toBe('Autumn meetup: notes (draft) — Recap Studio');
      // Never "Untitled recap (draft)" while the fields are read: the service's reading of the title names it until then.
      expect(await page.evaluate(() => (window as unknown as { __names: string[] }).__names)).toEqual(['Autumn meetup: notes (draft)']);
      await expect.poll(() => page.getByTestId('preview').innerText()).toContain('Autumn meetup: notes');
    } finally {
      await page.context().close();
    }
  });
});
