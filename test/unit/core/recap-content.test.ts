// What the author wrote: template prompts left in, the template's placeholder link, alt text
// that says nothing or says the same for different photos.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentProblems, isGenericAlt } from '../../../electron/core/recap/recap-content';
import { recapTextChecks } from '../../../electron/service/recap/recap-checks';
import { loadProfile } from '../../../electron/service/site/profile';
import { newRecapText, TEMPLATE_LINK, TEMPLATE_PROMPTS } from '../../../electron/core/recap/template';

const root = path.join(__dirname, '..', '..', '..');
const templateFile = path.join(root, 'assets', 'templates', 'event-recap.md');

describe('template leftovers', () => {
  it('knows every prompt of the shipped template (the list and the file stay in step)', async () => {
    const template = await fs.readFile(templateFile, 'utf8');
    const body = template.split('\n---\n')[1] ?? '';
    const prompts = body.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
    expect(prompts).toEqual([...TEMPLATE_PROMPTS]);
  });

  it('warns at each prompt, the untitled heading and the placeholder link of a new recap, and at nothing once they are replaced', async () => {
    const text = newRecapText(await fs.readFile(templateFile, 'utf8'), { date: '2026-05-16' });
    const found = contentProblems(text);
    expect(found.map((p) => p.code)).toEqual(['template-left', 'template-left', 'template-left', 'template-left', 'template-left', 'template-left']);
    expect(found.every((p) => p.severity === 'warning' && typeof p.line === 'number')).toBe(true);
    // Each points at its own line of the file.
    const lines = text.split('\n');
    expect(found.map((p) => lines[p.line! - 1]!.trim().slice(0, 12))).toEqual(['## Event nam', 'Write two or', 'Name the org', 'Summarize th', 'Drag your ev', 'Link the sli']);
    let written = text.replace('## Event name', '## KCD Hangzhou');
    for (const prompt of TEMPLATE_PROMPTS) written = written.replace(prompt, 'What really happened.');
    expect(contentProblems(written)).toEqual([]);
    expect(contentProblems(`${written}\nSlides: ${TEMPLATE_LINK}\n`).map((p) => p.code)).toEqual(['placeholder-link']);
  });

  it('does not flag prompts inside a code block', () => {
    expect(contentProblems(`---\ntitle: x\n---\n\n\`\`\`\n${TEMPLATE_PROMPTS[0]}\n\`\`\`\n`)).toEqual([]);
  });
});

describe('alt text', () => {
  it('calls generic words and camera file names generic, and real descriptions not', () => {
    for (const alt of ['Event photo', 'image', 'Screenshot', 'IMG_2041', 'DSC 01234', 'pasted', 'pasted-2026-05-16-1405']) expect(isGenericAlt(alt), alt).toBe(true);
    for (const alt of ['Keynote on stage', 'panel', 'KCD China 2021 group photo']) expect(isGenericAlt(alt), alt).toBe(false);
  });

  it('warns about three identical generic alts, and about one description used for different photos', () => {
    const text = '---\ntitle: x\n---\n\n![Event photo](/a.jpg)\n\n![Event photo](/b.jpg)\n\n![Event photo](/c.jpg)\n\n![Stage](/d.jpg)\n\n![Stage](/e.jpg)\n\n![Stage](/d.jpg)\n';
    const found = recapTextChecks(text, loadProfile('hugo-news')).filter((p) => p.code.startsWith('alt-'));
    expect(found.map((p) => [p.code, p.line])).toEqual([
      ['alt-generic', 5],
      ['alt-generic', 7],
      ['alt-generic', 9],
      ['alt-repeated', 13],
    ]);
  });

  it('finds nothing to say about the reference recap', async () => {
    const text = await fs.readFile(path.join(root, 'test', 'fixtures', 'kubernetes-community-days-china.md'), 'utf8');
    expect(contentProblems(text)).toEqual([]);
    expect(recapTextChecks(text, loadProfile('hugo-news')).filter((p) => p.code.startsWith('alt-') || p.code.startsWith('template'))).toEqual([]);
  });
});
