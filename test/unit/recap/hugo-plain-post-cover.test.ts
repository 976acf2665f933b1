// A Hugo post that is a plain file (content/posts/kcd.md, not a bundle's index.md) has no page
// resources: a theme takes its relative cover from the site's root (Ananke's and Stack's absURL or
// relURL, Hugo's own card templates) or its assets/, never from beside the post. So the cover is
// looked for there first; one found only beside the post shows here and is missing on the site:
// the same image-unpublished warning as a body link's, and export into the site copies it under
// static/ and names the copy. Lint and export agree.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { png, writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('hugo-plain-cover');

const POST = ['---', 'title: "KCD Porto"', 'date: 2024-05-01', 'image: "images/card.png"', '---', '', 'The day.', ''].join('\n');

async function site(name: string): Promise<{ root: string; post: string }> {
  const root = path.join(temp.dir(), name);
  await writeText(path.join(root, 'hugo.toml'), 'title = "Events"\n');
  const post = await writeText(path.join(root, 'content/posts/kcd-porto.md'), POST);
  return { root, post };
}

const lint = async (post: string, text = POST) => (await temp.service().lintRecap({ text, path: post })).map((p) => [p.code, p.severity, p.line, p.message]);

describe("a plain Hugo post's relative cover", () => {
  it("is the site root's photo; found only beside the post, a warning that says why; nowhere, the error names the site's places", async () => {
    const { root, post } = await site('plain');
    expect(await lint(post)).toEqual([
      ['image-missing', 'error', 4, `The photo images/card.png that the field image names does not exist (looked for ${path.join(root, 'static/images/card.png')}, then ${path.join(root, 'assets/images/card.png')}). Add the photo, or fix the field.`],
    ]);
    // Beside the post only: before, no problem.
    await png(path.join(root, 'content/posts/images/card.png'), 1);
    expect(await lint(post)).toEqual([
      ['image-unpublished', 'warning', 4, "The field image names images/card.png, which a theme reads from the site's root (static/, or assets/) for a post that is a plain file (kcd-porto.md): Hugo gives such a post no files of its own, so the photo beside it shows here but will be missing on the site. Export into the site: it copies the photo under static/ and names it from there. Or make the post a page bundle (a folder with index.md and its photos)."],
    ]);
    // At the site's root as well: that one is the photo.
    await png(path.join(root, 'static/images/card.png'), 2);
    expect(await lint(post)).toEqual([]);
  });

  it('export into the site copies the photo found beside the post under static/ and names the copy; then lint is clean', async () => {
    const { root, post } = await site('export');
    await png(path.join(root, 'content/posts/images/card.png'), 1);
    const report = await temp.service().exportRecap({ recapPath: post, text: POST, target: { kind: 'site', dir: root } });
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const exported = await fs.readFile(post, 'utf8');
    const field = /^image: "(.*)"$/m.exec(exported)?.[1] ?? '';
    expect(field).toMatch(/^\/images\/.*card\.png$/);
    expect((await fs.stat(path.join(root, 'static', field))).isFile()).toBe(true);
    expect(await lint(post, exported)).toEqual([]);
  });

  it("a bundle's index.md keeps its cover beside it (its page resource)", async () => {
    const root = path.join(temp.dir(), 'bundle');
    await writeText(path.join(root, 'hugo.toml'), 'title = "Events"\n');
    const post = await writeText(path.join(root, 'content/posts/kcd-porto/index.md'), POST);
    await png(path.join(root, 'content/posts/kcd-porto/images/card.png'), 1);
    expect(await lint(post)).toEqual([]);
  });
});
