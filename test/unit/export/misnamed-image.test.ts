// A photo whose content is another image type than its name says — a PNG screenshot saved as
// stage.jpg — is still a photo: browsers show it, so lint and export's checks warn with the name
// it should have, and export copies it. A file named as a photo that is none (text, an empty
// file) is an error in both, and export copies nothing of it. Lint and export say it word for word.

import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../electron/core/contract';
import { png, writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('misnamed-image');

const said = (problems: Problem[]): Array<[string, string, number | undefined, string]> =>
  problems.filter((p) => p.code.startsWith('image-')).map((p) => [p.code, p.severity, p.line, p.message]);

describe('a linked file whose content is not what its name says', () => {
  it('a PNG named .jpg: a warning naming stage.png, and exported; text named .jpg: refused; lint and export say the same', async () => {
    const root = path.join(temp.dir(), 'site');
    await writeText(path.join(root, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "KCD"\n');
    const dir = path.join(root, 'content/posts/kcd');
    await png(path.join(dir, 'stage.jpg'), 1);
    await png(path.join(dir, 'hall.png'), 2);
    await writeText(path.join(dir, 'notes.jpg'), '<html><body>not a photo</body></html>\n');
    await writeText(path.join(dir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const text = '---\ntitle: KCD\ndate: 2024-05-01\n---\n\n![Stage](stage.jpg)\n\n![Hall](hall.png)\n\n![Notes](notes.jpg)\n';
    const post = await writeText(path.join(dir, 'index.md'), text);

    const lint = said(await temp.service().lintRecap({ text, path: post }));
    expect(lint).toEqual([
      ['image-misnamed', 'warning', 6, "stage.jpg is a PNG image under another type's name: browsers show it, but tools that go by the name (image processing, some CDNs) may not. Rename it stage.png, and its link with it."],
      ['image-refused', 'error', 10, expect.stringContaining('The image notes.jpg on line 10 is named .jpg but is not a JPG image (it is text)')],
    ]);

    const out = path.join(temp.dir(), 'out');
    const report = await temp.service().exportRecap({ recapPath: post, text, target: { kind: 'folder', dir: out }, dryRun: true });
    expect(said(report.problems)).toEqual(lint);
    // Without the file that is no photo, the export goes through and copies the PNG under its name as linked.
    const fixed = text.replace('\n![Notes](notes.jpg)\n', '');
    const done = await temp.service().exportRecap({ recapPath: post, text: fixed, target: { kind: 'folder', dir: out } });
    expect(done.files.map((f) => f.path).sort()).toEqual(['content/posts/kcd/hall.png', 'content/posts/kcd/index.md', 'content/posts/kcd/stage.jpg']);
    expect(said(done.problems).map(([code]) => code)).toEqual(['image-misnamed']);
    // The files it does not carry are named once each: the text file, the SVG.
    expect(done.problems.filter((p) => p.code === 'files-left').map((p) => p.message)).toEqual([expect.stringContaining('not exported: logo.svg, notes.jpg.')]);
  });
});
