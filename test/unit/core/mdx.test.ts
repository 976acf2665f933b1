// MDX's import and export statements: code the site renders as nothing; never a sentence.
import { describe, expect, it } from 'vitest';
import { findMdxAttributeExpressions, isEsmBlock, mdxImageImports, mdxImageUrl } from '../../../electron/core/markdown/mdx';
import { markdownReading, READ_ALL } from '../../../electron/core/markdown/site-reading';
import { lintText } from '../../../electron/core/recap/lint';
import { findImageRefs } from '../../../electron/service/recap/markdown-images';
import { photoUses } from '../../../electron/core/markdown/photo-text';
import { previewTree } from '../../../renderer/preview/pipeline';
import { loadProfile } from '../../../electron/service/site/profile';

const ESM = [
  "import Tabs from '@theme/Tabs';",
  "import TabItem from '@theme/TabItem';",
  "import {Highlight} from '../components';",
  "import * as all from './all';",
  "import './styles.css';",
  'export const speakers = [{name: "Ann"}];',
  'export default function Layout() {}',
  'export { a, b };',
  'export * from "./more";',
];

describe('isEsmBlock', () => {
  it('knows an import or export statement', () => {
    for (const line of ESM) expect(isEsmBlock(line), line).toBe(true);
  });

  it('never takes a sentence for one', () => {
    for (const line of ['import the photos from the event', 'Import Tabs from somewhere', 'export the slides as PDF', 'important news', '  import X from "y"', 'exports grew']) {
      expect(isEsmBlock(line), line).toBe(false);
    }
  });

  it('reads a post as MDX in a .mdx file or on a Docusaurus blog (v3 reads .md as MDX too), Liquid on Jekyll alone', () => {
    expect(markdownReading('hugo', '/s/blog/2024-05-01-kcd/index.mdx')).toEqual({ liquid: false, mdx: true, generator: 'hugo' });
    expect(markdownReading('docusaurus', '/s/blog/2024-05-01-kcd/index.md')).toEqual({ liquid: false, mdx: true, generator: 'docusaurus' });
    expect(markdownReading('hugo', '/s/content/news/kcd.md')).toEqual({ liquid: false, mdx: false, generator: 'hugo' });
    expect(markdownReading('jekyll', '/s/_posts/2021-11-02-kcd.md')).toEqual({ liquid: true, mdx: false, generator: 'jekyll' });
    // No site known (a draft): read as the site that understands each form would.
    expect(markdownReading(null, null)).toBe(READ_ALL);
  });
});

describe('an MDX post', () => {
  const body = [
    ESM.slice(0, 2).join('\n'),
    '',
    'export const cover = {',
    "    image: '![](gone photo.png)',",
    '};',
    '',
    '## The day',
    '',
    '![Hall](./hall.png)',
    '',
  ].join('\n');
  const text = `---\ntitle: KCD\ndate: 2024-05-01\nauthors: [ann]\n---\n\n${body}`;

  it('has no image in its statements, and its lint says nothing of them', () => {
    expect(findImageRefs(body).map((r) => [r.url, r.line])).toEqual([['./hall.png', 10]]);
    expect(lintText(text, loadProfile('docusaurus'))).toEqual([]);
  });
});

describe('MDX images from code', () => {
  const body = ["import hall from './hall.png';", "import Tabs from '@theme/Tabs';", '', '<img src={hall} alt="Hall" />', '', '<img src={require(\'./stage.jpg\').default} alt="Stage" />', '', '<img src={photos[0]} alt="First" />', ''].join('\n');

  it('reads an imported name and a require() as the file, and any other code as no link', () => {
    const imports = mdxImageImports(body);
    expect(imports.get('hall')).toBe('./hall.png');
    expect(mdxImageUrl('{hall}', imports)).toBe('./hall.png');
    expect(mdxImageUrl("{require('./stage.jpg').default}", imports)).toBe('./stage.jpg');
    expect(mdxImageUrl('{photos[0]}', imports)).toBeNull();
    expect(mdxImageUrl('{unknown}', imports)).toBeNull();
    expect(mdxImageUrl('./plain.png', imports)).toBe('./plain.png');
    // Docusaurus' useBaseUrl: the site path it links under the site's baseUrl.
    expect(mdxImageUrl("{useBaseUrl('/img/hall.png')}", imports)).toBe('/img/hall.png');
    expect(findImageRefs('<img src={useBaseUrl("/img/hall.png")} alt="Hall" />\n').map((r) => [r.url, r.code])).toEqual([['/img/hall.png', '{useBaseUrl("/img/hall.png")}']]);
  });

  it('gives the finder the file, at the place the code is written, so lint checks that', () => {
    // A src={require('…')} has quotes in it, no HTML tag to a CommonMark parser: the finder reads it as the file it requires.
    const refs = findImageRefs(body);
    expect(refs.map((r) => [r.url, r.line, r.urlColumn])).toEqual([
      ['./hall.png', 4, '<img src={'.length],
      ['./stage.jpg', 6, '<img src={'.length],
    ]);
  });
});

describe('an MDX <img> whose attributes are written as code', () => {
  const DOCS = markdownReading('docusaurus', '/site/blog/2024-05-01-kcd/index.md');
  const body = [
    '<img src="/img/a.png" alt="Styled" style={{ width: "200px", borderRadius: 8 }} />',
    '',
    "Inline <img src='/img/b.png' alt=\"Classed\" className={clsx('logo', \"wide\")} /> in a sentence.",
    '',
    '```mdx',
    '<img src="/img/code.png" style={{ width: 200 }} />',
    '```',
    '',
    'And `<img src="/img/span.png" style={{ a: 1 }} />` in a code span.',
    '',
  ].join('\n');

  it('is the image its site shows to the finder, the tray and the preview alike; in code it is text', () => {
    // Before: CommonMark reads no tag with a value holding spaces or quotes — the finder saw nothing, the tray counted them.
    expect(findImageRefs(body, DOCS).map((r) => [r.url, r.line])).toEqual([
      ['/img/a.png', 1],
      ['/img/b.png', 3],
    ]);
    expect([...photoUses(body, DOCS).keys()].sort()).toEqual(['/img/a.png', '/img/b.png']);
    const tree = JSON.stringify(previewTree(body, DOCS));
    expect(tree).toContain('"src":"/img/a.png"');
    expect(tree).toContain('"src":"/img/b.png"');
    expect(tree).not.toContain('"src":"/img/code.png"');
    // The code shows as written.
    expect(tree).toContain('style={{ width: 200 }}');
    expect(tree).toContain('style={{ a: 1 }}');
  });

  it('is text where the post is no MDX (a Docusaurus post in `format: md`, a Hugo post), to the finder, the tray and the preview alike', () => {
    const plain = ['<img src="/img/a.png" alt="Styled" style={{ width: "200px" }} />', '', '<img src="/img/c.png" alt="Plain" width="200" />', ''].join('\n');
    for (const reading of [{ ...DOCS, mdx: false }, markdownReading('hugo', '/site/content/news/kcd.md')]) {
      // Before: the finder and the tray counted /img/a.png, which the site (and the preview) shows as text.
      expect(findImageRefs(plain, reading).map((r) => r.url)).toEqual(['/img/c.png']);
      expect([...photoUses(plain, reading).keys()]).toEqual(['/img/c.png']);
      const tree = JSON.stringify(previewTree(plain, reading));
      expect(tree).not.toContain('"src":"/img/a.png"');
      expect(tree).toContain('"src":"/img/c.png"');
    }
  });

  it('reads each attribute once, also in tags never closed', () => {
    const found = findMdxAttributeExpressions('<img a={{ "x" }} b\n'.repeat(3));
    expect(found.map((f) => [f.offset, f.written])).toEqual([0, 1, 2].map((n) => [n * 19 + 7, '{{ "x" }}']));
  });
});
