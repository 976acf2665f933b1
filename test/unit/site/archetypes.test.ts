// Hugo archetypes as templates for a new recap, through the service the app uses: only the
// archetypes of a site the author pointed Recap Studio at.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecapService } from '../../../electron/service/service';
import { fillArchetype, sectionOf } from '../../../electron/service/site/archetypes';
import { makeCorpus } from '../support/corpus-sites';
import { refusal } from '../support/refusal';
import { tempDir } from '../support/site-fixture';

let tmp: string;

beforeAll(async () => {
  tmp = await tempDir('archetypes');
  await makeCorpus(tmp);
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('archetypes', () => {
  it('fills Hugo\'s usual expressions and keeps the others, listing them', () => {
    const text = '---\ntitle: "{{ replace .Name "-" " " | title }}"\nslug: {{ .Name }}\ndate: {{ .Date }}\nsection: {{ .Section }}\nauthor: "{{ .Site.Params.author }}"\n---\n';
    const out = fillArchetype(text, { name: 'kcd-berlin', section: 'news', date: '2026-05-01T00:00:00Z' }, '## {{title}}\n');
    expect(out.text).toBe('---\ntitle: "Kcd Berlin"\nslug: kcd-berlin\ndate: 2026-05-01T00:00:00Z\nsection: news\nauthor: "{{ .Site.Params.author }}"\n---\n\n## Kcd Berlin\n');
    expect(out.unknown).toEqual(['{{ .Site.Params.author }}']);
  });

  it('finds a post\'s section under its language folder', () => {
    expect(sectionOf('content/en/blog/_posts/2023/x/index.md', ['en', 'zh'])).toBe('blog');
    expect(sectionOf('content/posts/x.md', [])).toBe('posts');
    expect(sectionOf('_posts/2020-01-01-x.md', [])).toBeNull();
  });

  it('lists a remembered site\'s archetypes and starts a new draft from one; an unknown site is refused', async () => {
    const service = createRecapService({ home: path.join(tmp, 'home'), cacheDir: path.join(tmp, 'cache') });
    const site = await service.rememberSite({ dir: path.join(tmp, 'hugo-blog') });
    expect(site.archetypes).toEqual(['default']);
    const opened = await service.newRecap({ title: 'KCD Berlin', template: { source: 'archetype', site: site.root, name: 'default' } });
    expect(opened.text).toMatch(/^\+\+\+\ntitle = "KCD Berlin"\ndate = \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z\ndraft = true\n\+\+\+\n\n## KCD Berlin\n/);
    const other = await refusal(service.newRecap({ template: { source: 'archetype', site: path.join(tmp, 'hugo-bundles'), name: 'default' } }));
    expect(other).toMatch(/^NOT_FOUND: .*hugo-bundles is not one of your sites/);
    const missing = await refusal(service.newRecap({ template: { source: 'archetype', site: site.root, name: 'posts' } }));
    expect(missing).toMatch(/^NOT_FOUND: The site .* has no archetype "posts"/);
  });
});
