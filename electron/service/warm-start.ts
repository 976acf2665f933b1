// The home screen's list, listed once as a door starts, before the page asks for it.
//
// In a fresh process the first `homeData` cost 2–3× the later ones (180–230 ms against 55–90 for
// 200 drafts on a 2-core machine): V8 compiling the listing's code paths, the first site lookups,
// the drafts' files not yet in the OS's cache. A relaunched app paid it on every start, on the
// path to its first cards. A door now starts one listing as it starts, while its window (or the
// browser) loads the page, and throws the answer away: it only warms what the page's own listing
// then finds ready. Every `homeData` the page asks is still listed from disk after it was asked,
// so no answer predates its question; one asked while the warm-up runs waits for it to end first
// (two cold listings at once compete for the same cores and the same files). The warm-up reads
// exactly what a `homeData` reads (the data folder and the drafts' own recap and photo folders)
// and grants nothing: the door's own `homeData` grants what the page is shown.

import type { RecapService } from './service';

export interface WarmService {
  service: RecapService;
  /** Settles once the warm-up ended (a failed one included): a door waits for it before it quits. */
  settled(): Promise<void>;
}

/** `service` with one home listing started now, in the background. */
export function warmHome(service: RecapService): WarmService {
  // A failure here is the page's to see, from its own listing.
  const warm = service.homeData({}).then(
    () => undefined,
    () => undefined,
  );
  let warming: Promise<void> | null = warm.then(() => {
    warming = null;
  });
  return {
    service: {
      ...service,
      async homeData(req) {
        if (warming) await warming;
        return service.homeData(req);
      },
    },
    settled: () => warm,
  };
}
