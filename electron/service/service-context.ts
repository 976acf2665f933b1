// What the service's methods share: the options a door passed, how a local path becomes a URL,
// the profile of a recap, and the site registry, draft store and photo library (each made once).

import { msg } from '../core/i18n/messages';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { DraftSummary, SiteProfile } from '../core/contract';
import { readFrontMatter } from '../core/frontmatter/frontmatter';
import type { AtomicFs } from './files/atomic-write';
import { createDraftStore, defaultDraftsHome, type DraftStore } from './drafts/drafts';
import { createPhotoLibrary, type PhotoLibrary } from './photos/photos';
import { loadProfile } from './site/profile';
import { createSiteRegistry, detectSite, profileForRecap, type SiteRegistry } from './site/site';
import { readingOf, withHugoSite } from '../core/markdown/site-reading';
import { rulesForSiteDraft, rulesGiven } from './site/site-rules';

export interface ServiceOptions {
  /** Turns a local image path into a URL the door's renderer can load. */
  assetUrl?: (absPath: string) => string;
  /** Injected by tests to make one fs call fail. */
  fs?: AtomicFs;
  /** Thumbnails and the photo trash (never in the site). Default: the XDG cache folder. */
  cacheDir?: string;
  /** The app's data folder (drafts, history, session). Default: RECAP_STUDIO_HOME or XDG data. */
  home?: string;
}

export interface ServiceContext {
  options: ServiceOptions;
  assetUrl: (absPath: string) => string;
  profileFor(recapPath: string | null): SiteProfile;
  isDraftFile(p: string): boolean;
  draftRules(recapPath: string | null, text: string): SiteProfile | null;
  dataDir(): string;
  sites(): SiteRegistry;
  drafts(): DraftStore;
  /** The draft store if a method made it already, else null (never makes it). */
  draftsIfMade(): DraftStore | null;
  /** Local paths in a summary become URLs the renderer can load. */
  shown(d: DraftSummary): DraftSummary;
  photos: PhotoLibrary;
}

export function createServiceContext(options: ServiceOptions): ServiceContext {
  const assetUrl = options.assetUrl ?? ((p: string) => `file://${p.split(path.sep).map(encodeURIComponent).join('/')}`);
  // A recap inside a site checkout uses that site's profile (Jekyll, Docusaurus, .recap-studio.yml).
  const dataDir = (): string => options.home ?? defaultDraftsHome();
  const isDraftFile = (p: string): boolean => path.dirname(path.dirname(path.resolve(p))) === path.join(dataDir(), 'drafts');
  /** A draft for a site: that site's rules (and the images it serves) on the draft's own photo layout; else null. */
  const siteDraftProfile = (recapPath: string): SiteProfile | null => {
    if (!isDraftFile(recapPath)) return null;
    const site = draftSite(recapPath);
    return site !== null ? siteDraftRules(site, profileForRecap(recapPath)) : null;
  };
  // A draft for a site is read by that site's rules everywhere: the form, lint, the preview's and
  // the tray's image lookups and export's plan resolve its links alike (one truth about a recap).
  const profileFor = (recapPath: string | null): SiteProfile => (recapPath !== null ? siteDraftProfile(recapPath) : null) ?? profileForRecap(recapPath);
  let registry: SiteRegistry | null = null;
  // Created on first use: the CLI's commands never touch the data folder.
  let store: DraftStore | null = null;
  return {
    options,
    assetUrl,
    profileFor,
    isDraftFile,
    draftRules: (recapPath, text) => {
      if (recapPath === null || !isDraftFile(recapPath)) return null;
      return siteDraftProfile(recapPath) ?? templateRules(text);
    },
    dataDir,
    sites: () => (registry ??= createSiteRegistry(dataDir())),
    // The store lays out every draft's photos by the draft's own layout, which a site's rules keep:
    // its listing of hundreds of drafts does not detect each one's site.
    drafts: () => (store ??= createDraftStore({ ...(options.home ? { home: options.home } : {}), profileFor: (p) => profileForRecap(p) })),
    draftsIfMade: () => store,
    shown: (d) => ({ ...d, coverThumb: d.coverThumb ? assetUrl(d.coverThumb) : null }),
    photos: createPhotoLibrary({ assetUrl, ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}), profileFor }),
  };
}

/** The site a draft was started for (its meta.json's `site`), or null. */
function draftSite(recapPath: string): string | null {
  try {
    const meta: unknown = JSON.parse(readFileSync(path.join(path.dirname(recapPath), 'meta.json'), 'utf8'));
    const site = typeof meta === 'object' && meta !== null ? (meta as { site?: unknown }).site : undefined;
    return typeof site === 'string' && path.isAbsolute(site) ? site : null;
  } catch {
    return null;
  }
}

/** That site's rules on the draft's own photo layout; null when the site is gone (the draft keeps the built-in's rules then). */
function siteDraftRules(root: string, draftProfile: SiteProfile): SiteProfile | null {
  let site;
  try {
    site = detectSite(root);
  } catch {
    return null;
  }
  const rules = rulesForSiteDraft(draftProfile, site.profile, site.root, site.generator);
  // Its Markdown images are looked up as that site's Hugo looks them up (site/hugo-image-hook.ts),
  // or at the addresses its Chirpy theme makes (mediaUrlOf).
  if (site.generator === 'hugo' && (site.imageHook || site.themeShortcodes || site.figureAsWritten || site.imagesFromRoot || site.pageCover)) return { ...rules, markdown: withHugoSite(readingOf(rules), site) };
  return site.media !== undefined ? { ...rules, markdown: { ...readingOf(rules), media: site.media } } : rules;
}

/**
 * A draft of the built-in event-recap template (it has every field the template's profile
 * requires) is checked against that profile, as export into such a site will check it: the
 * Problems panel must not call it ready while export would refuse it. Other drafts (from a
 * site's archetype) get the generic checks.
 */
function templateRules(text: string): SiteProfile | null {
  const profile = loadProfile();
  const keys = new Set(readFrontMatter(text).fields.map((f) => f.key));
  const required = profile.fields.filter((f) => f.required);
  if (required.length === 0 || !required.every((f) => keys.has(f.key))) return null;
  return rulesGiven(profile, msg('rules.whyBuiltin'));
}
