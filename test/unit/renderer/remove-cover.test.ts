// Removing a photo from the tray clears the cover field that names it (clearCoverField): the
// field's line goes where it names that photo alone, a list loses its first item, and a field
// that names another photo, or a Hugo resource pattern, stays as written. Every other byte of
// the front matter (YAML, TOML, JSON) is kept.
import { beforeAll, describe, expect, it } from 'vitest';
import { markdownReading } from '../../../electron/core/markdown/site-reading';
import { clearCoverField } from '../../../renderer/photos/useTrayActions';
import { loadFrontMatter } from '../../../renderer/workspace/frontMatterModule';

beforeAll(async () => {
  await loadFrontMatter();
});

const hugo = markdownReading('hugo', 'index.md');
const jekyll = markdownReading('jekyll', '2024-05-01-kcd.md');

describe('removing the cover photo clears its field', () => {
  it('a text field goes, its comment and the other fields kept (YAML, TOML, JSON)', () => {
    const yaml = '---\ntitle: KCD # the event\nimage: "/images/kcd/stage.png" # the card\nauthor: Ann\n---\n\nText.\n';
    expect(clearCoverField(yaml, 'image', '/images/kcd/stage.png', jekyll)).toBe('---\ntitle: KCD # the event\nauthor: Ann\n---\n\nText.\n');
    const toml = "+++\ntitle = 'KCD'\ncover = 'stage.png'\ndate = 2024-05-01\n+++\n\nText.\n";
    expect(clearCoverField(toml, 'cover', 'stage.png', hugo)).toBe("+++\ntitle = 'KCD'\ndate = 2024-05-01\n+++\n\nText.\n");
    const json = '{\n  "title": "KCD",\n  "image": "stage.png",\n  "draft": false\n}\n\nText.\n';
    expect(clearCoverField(json, 'image', './stage.png', hugo)).not.toContain('stage.png');
    expect(clearCoverField(json, 'image', './stage.png', hugo)).toContain('"draft": false');
  });

  it("a list keeps its other photos (Hugo's images); a map keeps its other keys (PaperMod's cover)", () => {
    const list = '---\ntitle: KCD\nimages: [stage.png, hall.png]\n---\n';
    expect(clearCoverField(list, 'images', 'stage.png', hugo)).toBe('---\ntitle: KCD\nimages: [hall.png]\n---\n');
    const one = '---\ntitle: KCD\nimages:\n  - stage.png\n---\n';
    expect(clearCoverField(one, 'images', 'stage.png', hugo)).toBe('---\ntitle: KCD\n---\n');
    const paper = '---\ntitle: KCD\ncover:\n  image: stage.png\n  alt: The stage\n---\n';
    expect(clearCoverField(paper, 'cover.image', 'stage.png', hugo)).toBe('---\ntitle: KCD\ncover:\n  alt: The stage\n---\n');
  });

  it('another photo, or a resource pattern, stays as written', () => {
    const other = '---\nimage: /images/kcd/hall.png\n---\n';
    expect(clearCoverField(other, 'image', '/images/kcd/stage.png', jekyll)).toBe(other);
    const pattern = '---\ncover: "*cover*"\n---\n';
    expect(clearCoverField(pattern, 'cover', 'cover-stage.png', hugo)).toBe(pattern);
    expect(clearCoverField('No front matter.\n', 'image', 'stage.png', hugo)).toBe('No front matter.\n');
  });
});
