// The service's template methods: the templates a new recap can start from, "Save as template",
// and the link card beside the preview.

import * as path from 'node:path';
import { RecapError } from '../core/errors';
import { msg } from '../core/i18n/messages';
import { getField } from '../core/frontmatter/frontmatter';
import { cardDescription, cardPlace, cardProblems } from './recap/link-card';
import { lookup } from './service-recaps';
import { siteRootAbove } from './site/site';
import { saveTemplate } from './templates/save-template';
import { listTemplates, postSection } from './templates/templates';
import type { ServiceContext } from './service-context';
import type { RecapService } from './service';
import { coverOf, hugoCardByName } from '../core/recap/cover';
import { isResourcePattern, matchResource } from '../core/recap/field-photos';
import { readingOfPost } from '../core/markdown/post-reading';
import { mediaUrlOf } from '../core/markdown/site-reading';
import type { SiteProfile } from '../core/contract';
import { folderFiles } from './photos/folder-files';

/**
 * The photo Hugo's own card templates show where the post's cover field names none: its `images`'
 * first, else a page bundle's photo named as its card (hugoCardByName, as the tray and export's
 * preflight call it).
 */
async function hugoCard(profile: SiteProfile, recapPath: string, text: string, pattern: string | null): Promise<string | null> {
  if (profile.generator !== 'hugo') return null;
  const images = getField(text, 'images');
  if (pattern === null && (coverOf(images) !== null || !profile.images.beside)) return coverOf(images);
  const names = (await folderFiles(path.dirname(recapPath))).map((f) => f.name);
  // A cover field written as a resource pattern (Congo's `cover: "*cover*"`) is the bundle's photo it matches.
  return (pattern !== null ? matchResource(names, pattern) : null) ?? hugoCardByName(names, images);
}

export type TemplateMethodName = 'listTemplates' | 'saveTemplate' | 'linkCard';
type TemplateMethods = Pick<RecapService, TemplateMethodName>;

export function templateMethods(ctx: ServiceContext): TemplateMethods {
  return {
    async listTemplates(req) {
      let sites = (await ctx.sites().list()).filter((s) => s.available);
      if (req.site !== undefined) {
        const root = path.resolve(req.site);
        sites = sites.filter((s) => s.root === root);
        if (sites.length === 0) throw new RecapError('NOT_FOUND', msg('templates.siteUnknown', { site: root }));
      }
      return listTemplates(sites.map((s) => ({ root: s.root, generator: s.generator, section: postSection(s.profile, s.contentDir) })), ctx.dataDir());
    },

    async saveTemplate(req) {
      // The draft names the recap's file: a template goes to the site that file is in, never to a folder the page names.
      const { draft } = await ctx.drafts().loadDraft(req.id);
      const siteRoot = draft.linkedPath !== null ? siteRootAbove(draft.linkedPath) : null;
      const saved = await saveTemplate({ text: req.text, name: req.name, siteRoot, dataDir: ctx.dataDir(), overwrite: req.overwrite === true });
      if (siteRoot !== null) await ctx.sites().remember(siteRoot).catch(() => undefined);
      return saved;
    },

    async linkCard(req) {
      const { draft } = await ctx.drafts().loadDraft(req.id);
      // The same profile and image answers the Problems panel and the preview use for this draft.
      const profile = (draft.linkedPath === null ? ctx.draftRules(draft.recapPath, req.text) : null) ?? ctx.profileFor(draft.linkedPath);
      const description = cardDescription(req.text);
      const coverField = profile.photos.coverField;
      const field = coverField ? coverOf(getField(req.text, coverField)) : null;
      const pattern = field !== null && profile.generator === 'hugo' && isResourcePattern(field) ? field : null;
      // The cover at the address its site publishes (a Chirpy post's media_subpath: mediaUrlOf).
      const coverUrl = (field !== null && pattern === null ? mediaUrlOf(field, readingOfPost(profile, req.text)) : null) ?? (await hugoCard(profile, draft.photoRecapPath, req.text, pattern));
      const cover = coverUrl !== null ? ((await lookup(ctx, draft.photoRecapPath, [coverUrl]))[0] ?? null) : null;
      const title = getField(req.text, 'title');
      return {
        title: typeof title === 'string' ? title.replace(/\s+/g, ' ').trim() : '',
        description: description.value,
        cover,
        ...cardPlace(draft.linkedPath, req.text),
        problems: await cardProblems(req.text, draft.photoRecapPath, profile, description.key),
      };
    },
  };
}
