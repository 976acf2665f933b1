// The cover a front-matter field names, and setting it: a text field is replaced, Hugo's
// `images` list gets the photo first and keeps its form and its other items.

import { describe, expect, it } from 'vitest';
import { getField, setField } from '../../../electron/core/frontmatter/frontmatter';
import type { SiteGenerator } from '../../../electron/core/contract';
import { coverOf, withCover } from '../../../electron/core/recap/cover';

const set = (text: string, key: string, url: string, generator: SiteGenerator | null = null): string => setField(text, key, withCover(getField(text, key), url, { generator }));

describe('the cover field', () => {
  it('names the text, or a list’s first item; nothing for an empty or missing value', () => {
    expect(coverOf('./cover.jpg')).toBe('./cover.jpg');
    expect(coverOf(['cover.jpg', 'hall.jpg'])).toBe('cover.jpg');
    expect(coverOf([])).toBeNull();
    expect(coverOf('  ')).toBeNull();
    expect(coverOf(undefined)).toBeNull();
    expect(coverOf(3)).toBeNull();
  });

  it('a list stays a list in its own style, the new cover first, the others kept; a text field stays text', () => {
    expect(set('+++\ntitle = "A"\nimages = ["cover.jpg", "hall.jpg"]\n+++\nBody\n', 'images', './stage.jpg')).toBe('+++\ntitle = "A"\nimages = ["./stage.jpg", "hall.jpg"]\n+++\nBody\n');
    expect(set('---\ntitle: A\nimages:\n  - cover.jpg\n---\nBody\n', 'images', './stage.jpg')).toBe('---\ntitle: A\nimages:\n  - ./stage.jpg\n---\nBody\n');
    expect(set('---\ntitle: A\nimage: cover.jpg\n---\nBody\n', 'image', './stage.jpg')).toBe('---\ntitle: A\nimage: ./stage.jpg\n---\nBody\n');
  });

  it("beside a Hugo post, names the photo as Hugo's themes find a bundle's resource, without ./ (a Docusaurus or Jekyll cover keeps its link as given)", () => {
    expect(set('+++\ntitle = "A"\nimages = []\n+++\nBody\n', 'images', './stage.jpg', 'hugo')).toBe('+++\ntitle = "A"\nimages = ["stage.jpg"]\n+++\nBody\n');
    expect(set('---\ntitle: A\ncover:\n  image: old.jpg\n---\nBody\n', 'cover.image', './stage.jpg', 'hugo')).toBe('---\ntitle: A\ncover:\n  image: stage.jpg\n---\nBody\n');
    // A site-absolute link (the reference site's static folder) is the same in every generator.
    expect(set('---\ntitle: A\nimages: []\n---\nBody\n', 'images', '/images/news/kcd/stage.jpg', 'hugo')).toBe('---\ntitle: A\nimages: [/images/news/kcd/stage.jpg]\n---\nBody\n');
    expect(set('---\ntitle: A\nimage: old.jpg\n---\nBody\n', 'image', './stage.jpg', 'docusaurus')).toBe('---\ntitle: A\nimage: ./stage.jpg\n---\nBody\n');
  });
});
