import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { readFrontMatter, splitRecap } from '../../../electron/core/frontmatter/frontmatter';
import { validateFrontMatter } from '../../../electron/core/recap/lint';
import { assetPath, loadProfile } from '../../../electron/service/site/profile';
import { newRecapText, slugify } from '../../../electron/core/recap/template';

const TEMPLATE = readFileSync(assetPath('templates', 'event-recap.md'), 'utf8');

function fields(text: string): Record<string, unknown> {
  return Object.fromEntries(readFrontMatter(text).fields.map((f) => [f.key, f.value]));
}

describe('slugify', () => {
  it.each([
    ['Kubernetes Community Days China Recap', 'kubernetes-community-days-china-recap'],
    ['  KCD   Beijing  2021 ', 'kcd-beijing-2021'],
    ['Día de Kubernetes Zürich', 'dia-de-kubernetes-zurich'],
    ['Straße, Œuvre & Ørsted', 'strasse-oeuvre-orsted'],
    ['KCD: "Cloud-Native" Day — Q&A!', 'kcd-cloud-native-day-q-a'],
    ['ＫＣＤ２０２１', 'kcd2021'],
    ['...', 'recap'],
    ['北京', 'recap'],
    ['', 'recap'],
  ])('%j → %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('keeps slugs to 80 characters, cutting between words', () => {
    const slug = slugify(`${'word '.repeat(30)}end`);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^(word-)*word$/);
    expect(slugify('x'.repeat(200))).toBe('x'.repeat(80));
  });
});

describe('newRecapText', () => {
  it('fills title, date and author, changing only those lines', () => {
    const text = newRecapText(TEMPLATE, { title: 'KCD Zürich 2024', date: '2024-06-12', author: 'Jane Doe' });
    expect(fields(text)).toEqual({ title: 'KCD Zürich 2024', keywords: '', description: '', createTime: '2024-06-12', author: 'Jane Doe' });
    const before = TEMPLATE.split('\n');
    const after = text.split('\n');
    expect(after).toHaveLength(before.length);
    const changed = after.map((l, i) => (l === before[i] ? null : i + 1)).filter((n) => n !== null);
    const headingLine = before.findIndex((l) => l.includes('{{title}}')) + 1;
    expect(changed).toEqual([2, 5, 6, headingLine]);
    // The template's own quoting is kept.
    expect(after.slice(1, 6)).toEqual([
      'title: "KCD Zürich 2024"',
      'keywords: ""',
      'description: ""',
      'createTime: "2024-06-12"',
      'author: "Jane Doe"',
    ]);
  });

  it('replaces {{title}} in the body and keeps the placeholder sections', () => {
    const text = newRecapText(TEMPLATE, { title: 'KCD Zürich 2024', date: '2024-06-12' });
    expect(text).not.toContain('{{title}}');
    expect(splitRecap(text).body).toContain('## KCD Zürich 2024\n');
    for (const section of ['## Event Organizers', '## Event at a Glance']) expect(text).toContain(section);
  });

  it('uses "Event name" as the heading and leaves title and author empty without them', () => {
    const text = newRecapText(TEMPLATE, { date: '2024-06-12' });
    expect(splitRecap(text).body).toContain('## Event name\n');
    expect(fields(text)).toMatchObject({ title: '', author: '', createTime: '2024-06-12' });
    const problems = validateFrontMatter(text, loadProfile());
    expect(problems.map((p) => p.field)).toEqual(['title', 'description', 'author']);
  });

  it('keeps a title with quotes and a colon valid YAML that reads back the same', () => {
    const title = 'KCD "Cloud Native": Zürich\'s first';
    const text = newRecapText(TEMPLATE, { title, date: '2024-06-12' });
    const { yaml } = splitRecap(text);
    const doc = parseDocument(yaml);
    expect(doc.errors).toEqual([]);
    expect(doc.toJSON()).toMatchObject({ title });
    const fm = readFrontMatter(text);
    expect(fm.problems).toEqual([]);
    expect(fm.fields.find((f) => f.key === 'title')?.value).toBe(title);
    expect(splitRecap(text).body).toContain(`## ${title}\n`);
  });

  it('keeps a pasted multi-line title on one line', () => {
    const text = newRecapText(TEMPLATE, { title: 'KCD\nZürich\r\n 2024', date: '2024-06-12' });
    expect(fields(text)['title']).toBe('KCD Zürich 2024');
    expect(text.split('\n')[1]).toBe('title: "KCD Zürich 2024"');
  });

  it('keeps CRLF line endings of a CRLF template', () => {
    const crlf = TEMPLATE.replace(/\n/g, '\r\n');
    const text = newRecapText(crlf, { title: 'KCD', date: '2024-06-12' });
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(text).toContain('## KCD\r\n');
  });

  it('does not touch {{title}} written in the front matter by a custom template', () => {
    const custom = '---\nsummary: "{{title}} in short"\ntitle: ""\ncreateTime: ""\n---\n\n# {{title}}\n';
    const text = newRecapText(custom, { title: 'KCD', date: '2024-06-12' });
    expect(text).toBe('---\nsummary: "{{title}} in short"\ntitle: "KCD"\ncreateTime: "2024-06-12"\n---\n\n# KCD\n');
  });
});
