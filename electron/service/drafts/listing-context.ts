// One listing of the home screen asks for the profile of each draft's recap several times (its
// photo folder, its cover, the cover's containment): the site detection behind `profileFor`
// walks up from the recap's folder with a stat per config file name at every level, so a
// listing of 200 drafts made tens of thousands of stat calls. A listing now asks once per recap
// path; the answers live only as long as that one listing (a site's config added or removed on
// disk is seen by the next one). The cover checks share one RootsCache for the listing too: a
// draft's allowed roots are found and realpath'd once (not once for the cover field and again
// for the folder's first photo), and folders shared by every draft (the data folder's own path)
// once for all of them.

import type { SiteProfile } from '../../core/contract';
import { RootsCache } from '../files/containment';
import type { DraftContext } from './store-context';

/** `ctx` whose profileFor answers each recap path once, and whose roots are looked up once, for one listing. */
export function listingContext(ctx: DraftContext): DraftContext {
  const profiles = new Map<string, SiteProfile>();
  const profileFor = (recapPath: string): SiteProfile => {
    let profile = profiles.get(recapPath);
    if (!profile) {
      profile = ctx.profileFor(recapPath);
      profiles.set(recapPath, profile);
    }
    return profile;
  };
  return { ...ctx, profileFor, roots: new RootsCache() };
}
