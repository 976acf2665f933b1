// A card's event date on the home screen is the one the site gives the post: its front matter's
// date, else (Jekyll, Docusaurus) the date in its file or folder name, as the form's help and the
// preview's byline say it; a site that does not date posts by name leaves an undated post undated.

import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docusaurusBlog, docusaurusFlatPosts } from '../site/other-sites';
import { writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('home-dates');

/** The home screen's event date of the draft the service opened for `file`. */
async function cardDate(file: string): Promise<string | null> {
  const { draft } = await temp.service().openRecap({ path: file });
  const card = (await temp.service().homeData({})).drafts.find((d) => d.id === draft.id);
  if (!card) throw new Error(`no card for ${file}`);
  return card.eventDate;
}

describe("a card's event date", () => {
  it('is the date a Docusaurus post takes from its folder or file name when its front matter has none', async () => {
    const bundle = await docusaurusBlog(path.join(temp.dir(), 'docs'));
    expect(await cardDate(path.join(bundle.root, bundle.post))).toBe('2024-05-01');
    const flat = await docusaurusFlatPosts(path.join(temp.dir(), 'flat'));
    expect(await cardDate(path.join(flat.root, 'blog', '2019-12-30-welcome.md'))).toBe('2019-12-30');
  });

  it("is a Jekyll post's file-name date without a date field, and the front matter's date when it has one", async () => {
    const site = path.join(temp.dir(), 'jekyll');
    await writeText(path.join(site, '_config.yml'), 'title: Meetups\n');
    await writeText(path.join(site, '_posts', '2026-03-01-spring.md'), '---\ntitle: Spring\n---\n\nText.\n');
    await writeText(path.join(site, '_posts', '2026-04-01-april.md'), '---\ntitle: April\ndate: 2026-04-03 18:00:00 +0100\n---\n\nText.\n');
    expect(await cardDate(path.join(site, '_posts', '2026-03-01-spring.md'))).toBe('2026-03-01');
    expect(await cardDate(path.join(site, '_posts', '2026-04-01-april.md'))).toBe('2026-04-03 18:00:00 +0100');
  });

  it('stays empty for an undated Hugo post, whose site does not date posts by their name', async () => {
    const site = path.join(temp.dir(), 'hugo');
    await writeText(path.join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\n');
    await writeText(path.join(site, 'content', 'news', '2026-03-01-spring.md'), '---\ntitle: Spring\n---\n\nText.\n');
    expect(await cardDate(path.join(site, 'content', 'news', '2026-03-01-spring.md'))).toBeNull();
  });
});
