// `recap new --template NAME [--site DIR]`: a site's saved template, its archetype, one saved in
// the app's data folder; an unknown name lists the names (exit 2); what cannot be evaluated is
// left as written and said on stderr. Run in-process through main() on real temp files.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess } from '../support/cli-run';
import { tempDir } from '../support/site-fixture';

let tmp: string;
let site: string;
const savedHome = process.env['RECAP_STUDIO_HOME'];

async function write(file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, text);
}

beforeAll(async () => {
  tmp = await tempDir('cli-templates');
  site = path.join(tmp, 'site');
  await write(path.join(site, 'hugo.toml'), 'title = "Example"\n');
  await write(path.join(site, 'archetypes', 'default.md'), '+++\ntitle = "{{ replace .Name "-" " " | title }}"\ndate = {{ .Date }}\n+++\n');
  await write(path.join(site, '.recap-studio', 'templates', 'meetup.md'), '---\ntitle: "{{title}}"\nslug: "{{slug}}"\ndate: "{{date}}"\nauthor: "{{ .Site.Params.author }}"\n---\n\n## {{title}}\n\n## Talks\n');
  await write(path.join(tmp, 'home', 'templates', 'personal.md'), '---\ntitle: ""\nauthor: ""\n---\n\n## {{title}}\n\n## Notes\n');
  await fs.mkdir(path.join(site, 'content', 'posts'), { recursive: true });
  await fs.mkdir(path.join(tmp, 'elsewhere'), { recursive: true });
  process.env['RECAP_STUDIO_HOME'] = path.join(tmp, 'home');
});
afterAll(async () => {
  if (savedHome === undefined) delete process.env['RECAP_STUDIO_HOME'];
  else process.env['RECAP_STUDIO_HOME'] = savedHome;
  await fs.rm(tmp, { recursive: true, force: true });
});

const cli = cliInProcess;

describe('recap new --template NAME', () => {
  it('uses the site\'s saved template: placeholders filled, the expression it cannot evaluate left and said on stderr', async () => {
    const file = path.join(site, 'content', 'posts', 'june-meetup.md');
    const run = await cli('new', file, '--template', 'meetup', '--title', 'June Meetup', '--date', '2026-06-12');
    expect(run.code).toBe(0);
    expect(run.out).toContain('from the template meetup');
    expect(run.err).toBe('Left as written for you to fill in: {{ .Site.Params.author }}.');
    expect(await fs.readFile(file, 'utf8')).toBe('---\ntitle: "June Meetup"\nslug: "june-meetup"\ndate: "2026-06-12"\nauthor: "{{ .Site.Params.author }}"\n---\n\n## June Meetup\n\n## Talks\n');
  });

  it('with --site DIR for a file outside the site, and a template saved in the app', async () => {
    const outside = path.join(tmp, 'elsewhere', 'a.md');
    const run = await cli('new', outside, '--template', 'meetup', '--site', site, '--date', '2026-06-12');
    expect(run.code).toBe(0);
    expect(await fs.readFile(outside, 'utf8')).toContain('slug: "a"');
    const personal = path.join(tmp, 'elsewhere', 'b.md');
    expect((await cli('new', personal, '--template', 'personal', '--title', 'Team day')).code).toBe(0);
    expect(await fs.readFile(personal, 'utf8')).toBe('---\ntitle: "Team day"\nauthor: ""\n---\n\n## Team day\n\n## Notes\n');
  });

  it('picks an archetype by name', async () => {
    const file = path.join(site, 'content', 'posts', 'kcd-berlin.md');
    const run = await cli('new', file, '--template', 'default', '--date', '2026-05-01');
    expect(run.code).toBe(0);
    expect(run.out).toContain("from the site's archetype archetypes/default.md");
    expect(await fs.readFile(file, 'utf8')).toMatch(/^\+\+\+\ntitle = "Kcd Berlin"\ndate = 2026-05-01T00:00:00Z\n\+\+\+\n\n## Kcd Berlin\n/);
  });

  it('an unknown NAME lists the names there are and exits 2, writing nothing', async () => {
    const file = path.join(site, 'content', 'posts', 'nope.md');
    const run = await cli('new', file, '--template', 'nope');
    expect(run.code).toBe(2);
    expect(run.err).toContain('--template "nope" is not one of event-recap, personal, meetup, default');
    await expect(fs.stat(file)).rejects.toThrow();
    const notSite = await cli('new', file, '--template', 'meetup', '--site', path.join(tmp, 'elsewhere'));
    expect(notSite.code).toBe(2);
    expect(notSite.err).toContain('is not a website checkout');
  });
});
