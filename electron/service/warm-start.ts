// The home screen's list, listed once as a door starts, before the page asks for it; then, while
// no call is under way, the Markdown parser and the checks run once on a small sample.
//
// In a fresh process the first `homeData` cost 2–3× the later ones (180–230 ms against 55–90 for
// 200 drafts on a 2-core machine): V8 compiling the listing's code paths, the first site lookups,
// the drafts' files not yet in the OS's cache. A relaunched app paid it on every start, on the
// path to its first cards. A door now starts one listing as it starts, while its window (or the
// browser) loads the page, and throws the answer away: it only warms what the page's own listing
// then finds ready. Every `homeData` the page asks is still listed from disk after it was asked,
// so no answer predates its question; one asked while the warm-up runs waits for it to end first
// (two cold listings at once compete for the same cores and the same files), and any other call
// that comes while it lists has the listing wait between batches of drafts until it is answered
// (a first open does not share the cores and the threadpool with 200 drafts' reads). It reads
// exactly what a `homeData` reads (the data folder and the drafts' own recap and photo folders)
// and grants nothing: the door's own `homeData` grants what the page is shown.
//
// The first open of a recap paid the same kind of price for its checks: loading remark, rehype
// and parse5 and compiling them on the first lint (100–150 ms here, more than the lint itself).
// Once the listing ended and no call of the page is under way, the warm-up lints a small sample
// (no path: nothing is read, nothing written), so the page's first lint finds the parser loaded
// and compiled. A call that comes during it waits at most for that one sample's lint.

import type { RecapService } from './service';

export interface WarmService {
  service: RecapService;
  /** Settles once the warm-up's listing ended (a failed one included). */
  listed(): Promise<void>;
  /** Settles once the whole warm-up ended (a failed one included): a door waits for it before it quits. */
  settled(): Promise<void>;
}

/** A recap with what the checks parse: front matter, a heading, a Markdown and an HTML image, a table. */
const SAMPLE = [
  '---',
  'title: "Warm-up"',
  'description: "A sample the service lints once at start"',
  'createTime: "2021-11-02"',
  '---',
  '',
  '## Warm-up',
  '',
  'A paragraph with a [link](https://example.org/) and `code`.',
  '',
  '![A stage](/images/news/warm-up/stage.png)',
  '',
  '<img src="/images/news/warm-up/crowd.png" alt="A crowd">',
  '',
  '| Day | Talks |',
  '| --- | --- |',
  '| 1 | 12 |',
  '',
  '- [x] done',
  '',
].join('\n');

type Method = (req: never) => Promise<unknown>;

/** `service` with every method counted while under way; `idle` settles when none is. */
function counted(service: RecapService): { service: RecapService; idle: () => Promise<void> } {
  let busy = 0;
  let waiting: Array<() => void> = [];
  const methods = Object.entries(service as unknown as Record<string, Method>).map(([name, method]) => [
    name,
    async (req: never) => {
      busy += 1;
      try {
        return await method(req);
      } finally {
        busy -= 1;
        if (busy === 0 && waiting.length > 0) {
          const resolves = waiting;
          waiting = [];
          // After the answer has gone: the door sends it before the warm-up takes the thread.
          setImmediate(() => resolves.forEach((resolve) => resolve()));
        }
      }
    },
  ]);
  return {
    service: Object.fromEntries(methods) as unknown as RecapService,
    idle: () => (busy === 0 ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve))),
  };
}

/** `service` with one home listing started now, in the background, and the parser warmed after it. */
export function warmHome(service: RecapService): WarmService {
  // The page's calls are counted: the warm-up's listing waits between batches of drafts while one
  // is under way, and its lint of the sample waits for none to be.
  const page = counted(service);
  // Once the page asks for its list, the listing it waits for stops giving way to other calls.
  let wantList = (): void => undefined;
  const listWanted = new Promise<void>((resolve) => (wantList = resolve));
  // A failure here is the page's to see, from its own listing or lint.
  const listing = service.warmHomeData(() => Promise.race([page.idle(), listWanted])).then(
    () => undefined,
    () => undefined,
  );
  let warming: Promise<void> | null = listing.then(() => {
    warming = null;
  });
  // A list asked meanwhile waits for the warm-up's; it is counted once it runs (counted while it
  // waited, the listing would wait for it in turn).
  const pageService: RecapService = {
    ...page.service,
    async homeData(req) {
      if (warming) {
        wantList();
        await warming;
      }
      return page.service.homeData(req);
    },
  };
  const parser = listing
    // A macrotask first: a list that waited for the listing is under way by then, and goes first.
    .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
    .then(page.idle)
    .then(() => service.lintRecap({ text: SAMPLE, path: null }))
    .then(
      () => undefined,
      () => undefined,
    );
  return {
    service: pageService,
    listed: () => listing,
    settled: () => Promise.all([listing, parser]).then(() => undefined),
  };
}
