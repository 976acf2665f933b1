// Templates' placeholders and "Save as template", on real recap texts in YAML, TOML and JSON.

import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../../electron/core/frontmatter/frontmatter';
import { fillTemplate, templateFromRecap, templateNameError } from '../../../electron/core/recap/placeholders';
import { REFERENCE } from '../support/site-fixture';

const VARS = { title: 'KCD Berlin', name: 'kcd-berlin', slug: 'kcd-berlin', section: 'news', dateTime: '2026-05-01T09:30:00Z' };

describe('template placeholders', () => {
  it('fills {{title}}, {{date}}, {{slug}} and Hugo\'s {{ .Title }}, {{ .Date }}, {{ .Name }}', () => {
    const text = '---\ntitle: "{{title}}"\ndate: {{date}}\nslug: {{slug}}\nlinkTitle: "{{ .Title }}"\npublishDate: {{ .Date }}\nname: {{- .Name -}}\n---\n\n## {{title}}\n\nSee {{slug}}.\n';
    const out = fillTemplate(text, VARS, 'Event name');
    expect(out.text).toBe('---\ntitle: "KCD Berlin"\ndate: 2026-05-01\nslug: kcd-berlin\nlinkTitle: "KCD Berlin"\npublishDate: 2026-05-01T09:30:00Z\nname: kcd-berlin\n---\n\n## KCD Berlin\n\nSee kcd-berlin.\n');
    expect(out.left).toEqual([]);
  });

  it('leaves every other Go-template expression exactly as written and lists each once', () => {
    const text = '+++\ntitle = "{{ .Title }}"\nauthor = "{{ .Site.Params.author }}"\ntags = [{{ range .Site.Taxonomies.tags }}"{{ .Name }}",{{ end }}]\n+++\n\n{{ .Site.Params.author }} wrote {{ with .Params.x }}{{ . }}{{ end }}\n';
    const out = fillTemplate(text, VARS, 'Event name');
    expect(out.text).toContain('author = "{{ .Site.Params.author }}"');
    expect(out.text).toContain('{{ range .Site.Taxonomies.tags }}');
    expect(out.text).toContain('{{ end }}');
    expect(out.text).toContain('\n{{ .Site.Params.author }} wrote {{ with .Params.x }}{{ . }}{{ end }}\n');
    expect(out.left).toEqual(['{{ .Site.Params.author }}', '{{ range .Site.Taxonomies.tags }}', '{{ end }}', '{{ with .Params.x }}', '{{ . }}']);
    // Never half-filled: no expression lost its braces or part of its text.
    expect(out.text.match(/\{\{/g)?.length).toBe(out.text.match(/\}\}/g)?.length);
  });

  it('quotes a title with quotes as the format needs it, never splicing it raw into the front matter', () => {
    const title = 'KCD "Berlin" \\ 2026';
    const yaml = fillTemplate('---\ntitle: "{{title}}"\n---\n\n## {{title}}\n', { ...VARS, title }, 'Event name');
    expect(readFrontMatter(yaml.text).fields.find((f) => f.key === 'title')?.value).toBe(title);
    expect(yaml.text).toContain(`## ${title}`);
    expect(yaml.left).toEqual([]);
    const toml = fillTemplate('+++\ntitle = "{{ .Title }}"\n+++\n', { ...VARS, title }, 'Event name');
    expect(readFrontMatter(toml.text).fields.find((f) => f.key === 'title')?.value).toBe(title);
  });

  it('without a title: an empty title field and the body\'s placeholder heading', () => {
    const out = fillTemplate('---\ntitle: "{{title}}"\n---\n\n## {{title}}\n', { ...VARS, title: '' }, 'Event name');
    expect(out.text).toBe('---\ntitle: ""\n---\n\n## Event name\n');
  });
});

describe('save as template', () => {
  it('YAML: every key kept with its value cleared (lists empty), the body reduced to its headings', () => {
    const out = templateFromRecap(REFERENCE);
    expect(out).toBe(
      '---\ntitle: ""\nkeywords: ""\ndescription: ""\ncreateTime: ""\nauthor: ""\n---\n\n## Kubernetes Community Days China\n\n## Event Organizers\n\n' +
        REFERENCE.split('\n').filter((l) => /^#{2,6} /.test(l)).slice(2).map((l) => `${l}\n\n`).join('').replace(/\n\n$/, '\n'),
    );
    expect(out).not.toContain('Lindsay');
    expect(out).not.toContain('CNCF');
  });

  it('TOML: types and layout kept, lists and maps cleared, switches kept; headings in code fences are not headings', () => {
    const text = '+++\ntitle = "KCS Shanghai"\ndate = 2023-04-01T10:00:00Z\ndraft = false\nweight = 3\ntags = ["recap", "2023"]\n\n[cover]\nimage = "/images/x.png"\nalt = "Stage"\n+++\n\nIntro text.\n\n## Talks\n\n```md\n## not a heading\n```\n\n### Slides\nLink.\n';
    const out = templateFromRecap(text);
    expect(out).toBe('+++\ntitle = ""\ndate = ""\ndraft = false\nweight = 3\ntags = []\n\n[cover]\nimage = ""\nalt = ""\n+++\n\n## Talks\n\n### Slides\n');
  });

  it('JSON: keys kept, values cleared', () => {
    const text = '{\n  "title": "KCD",\n  "tags": ["a", "b"],\n  "draft": true\n}\n\n# Heading\n\nText.\n';
    const out = templateFromRecap(text);
    expect(out).toBe('{\n  "title": "",\n  "tags": [],\n  "draft": true\n}\n\n# Heading\n');
  });

  it('refuses a front matter that does not parse: nothing of it is copied', () => {
    expect(() => templateFromRecap('---\ntitle: [unclosed\n---\n\n## A\n')).toThrow(/does not parse/);
  });

  it('checks template names', () => {
    expect(templateNameError('meetup')).toBeNull();
    expect(templateNameError('Meetup 2026_v1.2')).toBeNull();
    expect(templateNameError('活动回顾')).toBeNull();
    for (const bad of ['', ' ', '../x', 'a/b', '.hidden', 'x.', 'con', 'a'.repeat(65), 'a\\b']) expect(templateNameError(bad), bad).not.toBeNull();
  });
});
