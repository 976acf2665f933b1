// The tray names a front-matter field's photo as the site's posts name that field's photos: a
// Jekyll site whose posts write `header-img: img/bg.jpg` (Hux Blog: its theme writes
// `{{ site.baseurl }}/{{ page.header-img }}`) gets `assets/images/…`, not `/assets/images/…`
// (`//assets/…` on the site). Set as cover, a replaced photo and Copy into this recap's folder
// write it so (setCoverField, relinkFields), as export does (export/links.ts, the same coverUrl).
import { beforeAll, describe, expect, it } from 'vitest';
import { markdownReading } from '../../../electron/core/markdown/site-reading';
import { fieldPhotoUrl } from '../../../electron/core/recap/cover';
import { clearCoverField, relinkFields, setCoverField } from '../../../renderer/photos/useTrayActions';
import { loadFrontMatter } from '../../../renderer/workspace/frontMatterModule';

beforeAll(async () => {
  await loadFrontMatter();
});

const hux = { ...markdownReading('jekyll', '2024-05-01-kcd.md'), rootPathFields: ['header-img'] };

describe("a Jekyll site's fields written from its root without the first `/`", () => {
  it('a photo copied or replaced: the field that writes so names the new photo so; another field keeps its `/`', () => {
    const text = '---\ntitle: KCD\nheader-img: "img/bg.jpg"\nimage: /img/bg.jpg\n---\n\nText.\n';
    const fields = [
      { key: 'header-img', url: 'img/bg.jpg', written: 'img/bg.jpg' },
      { key: 'image', url: '/img/bg.jpg', written: '/img/bg.jpg' },
    ];
    expect(relinkFields(text, fields, ['img/bg.jpg', '/img/bg.jpg'], '/assets/images/kcd/bg.jpg', hux)).toBe('---\ntitle: KCD\nheader-img: "assets/images/kcd/bg.jpg"\nimage: /assets/images/kcd/bg.jpg\n---\n\nText.\n');
  });

  it('set as cover: in such a field without its `/`, in another field with it', () => {
    const text = '---\ntitle: KCD\n---\n\nText.\n';
    expect(setCoverField(text, 'header-img', '/assets/images/kcd/stage.jpg', hux)).toBe('---\ntitle: KCD\nheader-img: assets/images/kcd/stage.jpg\n---\n\nText.\n');
    expect(setCoverField(text, 'image', '/assets/images/kcd/stage.jpg', hux)).toBe('---\ntitle: KCD\nimage: /assets/images/kcd/stage.jpg\n---\n\nText.\n');
    // A site whose posts do not all write it so: as before.
    const plain = markdownReading('jekyll', '2024-05-01-kcd.md');
    expect(setCoverField(text, 'header-img', '/assets/images/kcd/stage.jpg', plain)).toBe('---\ntitle: KCD\nheader-img: /assets/images/kcd/stage.jpg\n---\n\nText.\n');
  });

  it("the tray reads such a field's relative value as the root's photo, and removing that photo clears the field", () => {
    expect(fieldPhotoUrl('assets/images/kcd/bg.jpg', hux, 'header-img')).toBe('/assets/images/kcd/bg.jpg');
    expect(fieldPhotoUrl('/assets/images/kcd/bg.jpg', hux, 'header-img')).toBe('/assets/images/kcd/bg.jpg');
    expect(fieldPhotoUrl('./bg.jpg', hux, 'header-img')).toBe('./bg.jpg');
    expect(fieldPhotoUrl('assets/images/kcd/bg.jpg', hux, 'image')).toBe('assets/images/kcd/bg.jpg');
    const text = '---\ntitle: KCD\nheader-img: assets/images/kcd/bg.jpg\n---\n\nText.\n';
    expect(clearCoverField(text, 'header-img', '/assets/images/kcd/bg.jpg', hux)).toBe('---\ntitle: KCD\n---\n\nText.\n');
  });
});
