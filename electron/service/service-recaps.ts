// The service's recap methods: a new recap (from the template or a site's archetype), opening a
// file or a draft, and the checks the Problems panel and the preview's images ask for.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ImageLookup, OpenedRecap, Problem, SiteProfile, TemplateRef } from '../core/contract';
import { RecapError } from '../core/errors';
import { askedLinks, resolveImage, RootsCache, type LookedUpAs } from './files/containment';
import { imageProblems } from './recap/image-problems';
import { byPosition, recapPlaceChecks, recapTextChecks } from './recap/recap-checks';
import { assetPath, loadProfile } from './site/profile';
import { siteRootAbove } from './site/site';
import { recoveryOf } from './drafts/draft-text';
import { rulesForPost, rulesGiven } from './site/site-rules';
import { textFromTemplate, type FromTemplate } from './templates/from-template';
import { postSection } from './templates/templates';
import type { ServiceContext } from './service-context';
import type { RecapService } from './service';
import { format, msg } from '../core/i18n/messages';

export type RecapMethodName = 'newRecap' | 'openRecap' | 'openDraft' | 'lintRecap' | 'resolveImages';
type RecapMethods = Pick<RecapService, RecapMethodName>;

/**
 * Where each image URL's file is, under the containment rule: refused links are never read.
 * `figureUrls`: srcs of Hugo's figure shortcode, looked for as Hugo does (answered with `figure`);
 * `matchUrls`: a theme shortcode's patterns, the bundle's file each takes (answered with `match`).
 */
export async function lookup(ctx: ServiceContext, recapPath: string | null, urls: string[], figureUrls: string[] = [], matchUrls: string[] = []): Promise<ImageLookup[]> {
  const profile = ctx.profileFor(recapPath);
  const roots = new RootsCache();
  const marked = (as: LookedUpAs) => (as === 'figure' ? { figure: true as const } : as === 'match' ? { match: true as const } : {});
  return askedLinks(urls, figureUrls, [], matchUrls).map(({ url, as }): ImageLookup => ({ ...lookupOne(ctx, recapPath, url, profile, roots, as), ...marked(as) }));
}

function lookupOne(ctx: ServiceContext, recapPath: string | null, url: string, profile: SiteProfile, roots: RootsCache, as: LookedUpAs): ImageLookup {
  const hit = resolveImage(url, recapPath, [profile], roots, as);
  switch (hit.kind) {
    case 'remote':
    case 'inline':
      return { url, src: /^(https?:|data:image\/)/i.test(url) ? url : null, localPath: null };
    case 'found':
      return { url, src: ctx.assetUrl(hit.file), localPath: hit.file };
    case 'missing':
      return { url, src: null, localPath: hit.lookedFor };
    case 'refused':
      return { url, src: null, localPath: null, refused: format('en', hit.reason.key, hit.reason.params), refusedMsg: hit.reason };
  }
}

/** The text of a new recap from a template; a site's template only from a site the author pointed Recap Studio at (never an arbitrary folder). */
async function fromTemplate(ctx: ServiceContext, ref: TemplateRef, title: string | undefined, builtin: string): Promise<FromTemplate & { site: string | null }> {
  let section = 'posts';
  if (ref.source === 'archetype' || ref.source === 'site' || ref.source === 'posts') {
    const site = (await ctx.sites().list()).find((s) => s.root === path.resolve(ref.site ?? '') && s.available);
    if (!site) throw new RecapError('NOT_FOUND', msg('templates.siteUnknown', { site: ref.site ?? '' }));
    ref = { ...ref, site: site.root };
    section = ref.source === 'archetype' && ref.name !== 'default' ? ref.name : postSection(site.profile, site.contentDir);
  }
  const dateTime = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  return { ...textFromTemplate(ref, { ...(title !== undefined ? { title } : {}), section, dateTime, builtin, dataDir: ctx.dataDir() }), site: ref.source === 'builtin' || ref.source === 'app' ? null : ref.site };
}

export function recapMethods(ctx: ServiceContext): RecapMethods {
  const { drafts, shown, profileFor, draftRules } = ctx;
  return {
    async newRecap(req) {
      const template = await fs.readFile(assetPath('templates', 'event-recap.md'), 'utf8');
      // The built-in template leaves the event date for the author: the form and lint ask for it.
      const ref = req.template ?? { source: 'builtin', name: 'event-recap', site: null };
      const { text, left, site } = await fromTemplate(ctx, ref, req.title, template);
      // A recap started from a site's template is a draft for that site: its rules from the start.
      const draft = await drafts().createDraft(text, site !== null ? { site } : {});
      // The form shows the rules lint applies: the template's profile for a draft of it.
      const profile = draftRules(draft.recapPath, text) ?? profileFor(null);
      return { path: null, text, profile, mtimeMs: null, draft: shown(draft), linked: { state: 'unlinked', path: null, unsavedToFile: false }, recovered: null, ...(left.length > 0 ? { leftForYou: left } : {}) };
    },

    async openRecap(req): Promise<OpenedRecap> {
      const file = path.resolve(req.path);
      // openFile reads the file first: one that is not a recap is refused before any draft is made.
      const opened = await drafts().openFile(file);
      const mtimeMs = (await fs.stat(file)).mtimeMs;
      // A post opened from a site checkout goes back there: the site becomes an export target.
      const site = siteRootAbove(file);
      if (site !== null) await ctx.sites().remember(site).catch(() => undefined);
      return { path: file, text: opened.text, profile: profileFor(file), mtimeMs, draft: shown(opened.draft), linked: opened.linked, ...recoveryOf(opened) };
    },

    async openDraft(req): Promise<OpenedRecap> {
      const loaded = await drafts().loadDraft(req.id);
      const linked = await drafts().checkLinkedFile(req.id);
      const file = loaded.draft.linkedPath;
      const mtimeMs = file ? ((await fs.stat(file).catch(() => null))?.mtimeMs ?? null) : null;
      const profile = (file === null ? draftRules(loaded.draft.recapPath, loaded.text) : null) ?? profileFor(file);
      return { path: file, text: loaded.text, profile, mtimeMs, draft: shown(loaded.draft), linked, ...recoveryOf(loaded) };
    },

    async lintRecap(req): Promise<Problem[]> {
      const given = req.profile ? rulesGiven(loadProfile(req.profile), msg('rules.whyByName')) : null;
      const profile = given ? (req.path ? rulesForPost(given, req.path) : given) : draftRules(req.path, req.text) ?? profileFor(req.path);
      const problems = recapTextChecks(req.text, profile);
      if (req.path) problems.push(...imageProblems(req.text, req.path, profile), ...recapPlaceChecks(req.text, req.path, profile));
      return problems.sort(byPosition);
    },

    resolveImages: (req) => lookup(ctx, req.recapPath, req.urls, req.figureUrls, req.matchUrls),
  };
}
