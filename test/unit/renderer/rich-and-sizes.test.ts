// Messages with elements in them, and photo sizes, in each language of the interface.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { format } from '../../../electron/core/i18n/messages';
import type { Locale, MessageKey, Param } from '../../../electron/core/i18n/messages';
import { formatBytes } from '../../../renderer/photos/photoFormat';
import { rich } from '../../../renderer/ui/rich';

const inLocale = (locale: Locale) => (key: MessageKey, params?: Readonly<Record<string, Param>>) => format(locale, key, params);
const html = (node: ReturnType<typeof rich>): string => renderToStaticMarkup(createElement('p', null, node));

describe('rich', () => {
  it('puts each element where the language puts its placeholder, the other values filled as text', () => {
    const code = createElement('code', null, '/images/a.png');
    const path = createElement('code', null, '/site/static/images/a.png');
    expect(html(rich(inLocale('en'), 'preview.missing', { url: code, path }))).toBe(
      '<p>Missing image: <code>/images/a.png</code> (looked for <code>/site/static/images/a.png</code>)</p>',
    );
    expect(html(rich(inLocale('zh-CN'), 'preview.missing', { url: code, path }))).toBe(
      '<p>缺少图片：<code>/images/a.png</code>（查找位置：<code>/site/static/images/a.png</code>）</p>',
    );
    const name = createElement('strong', null, 'kcd.png');
    expect(html(rich(inLocale('en'), 'photos.removedWithLinks', { name }, { links: 2 }))).toBe('<p>Removed <strong>kcd.png</strong> and its 2 links.</p>');
    expect(html(rich(inLocale('en'), 'photos.removedWithLinks', { name }, { links: 1 }))).toBe('<p>Removed <strong>kcd.png</strong> and its link.</p>');
    expect(html(rich(inLocale('zh-CN'), 'photos.removedWithLinks', { name }, { links: 1 }))).toBe('<p>已删除 <strong>kcd.png</strong> 及其 1 个链接。</p>');
  });

  it('leaves text that looks like a placeholder in a value alone', () => {
    const out = html(rich(inLocale('en'), 'preview.lookupFailed', { url: createElement('code', null, '{x}') }, { message: 'no {url} here' }));
    expect(out).toBe('<p>Image <code>{x}</code> could not be looked up: no {url} here</p>');
  });
});

describe('formatBytes', () => {
  it('says KB under a megabyte (never 0) and MB with one decimal under ten', () => {
    expect(formatBytes(10, 'en')).toBe('1 KB');
    expect(formatBytes(340 * 1024, 'zh-CN')).toBe('340 KB');
    expect(formatBytes(1.45 * 1024 * 1024, 'en')).toBe('1.5 MB');
    expect(formatBytes(2 * 1024 * 1024, 'zh-CN')).toBe('2.0 MB');
    expect(formatBytes(12.6 * 1024 * 1024, 'en')).toBe('13 MB');
  });
});
