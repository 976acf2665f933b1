// A catalogue message with elements inside: each language puts them where its sentence needs them.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { format } from '../../../electron/core/i18n/messages';
import type { Locale } from '../../../electron/core/i18n/messages';
import type { Translate } from '../../../renderer/ui/locale';
import { rich } from '../../../renderer/ui/rich';

const inLocale = (locale: Locale): Translate => (key, params) => format(locale, key, params);
const html = (locale: Locale, key: Parameters<Translate>[0], nodes: Record<string, ReturnType<typeof createElement>>): string =>
  renderToStaticMarkup(createElement('p', null, rich(inLocale(locale), key, nodes)));

describe('rich messages', () => {
  it('places an element where each language’s sentence has it', () => {
    const name = createElement('strong', null, 'recap.md');
    expect(html('en', 'picker.replaceQuestion', { name })).toBe('<p><strong>recap.md</strong> already exists in this folder. Replace it with this recap?</p>');
    expect(html('zh-CN', 'picker.replaceQuestion', { name })).toBe('<p>此文件夹中已有 <strong>recap.md</strong>。要用这篇回顾替换它吗？</p>');
  });

  it('places several elements, and text that looks like markup stays text', () => {
    const start = createElement('code', null, 'http://127.0.0.1:');
    const end = createElement('code', null, '?token=<x>');
    expect(html('en', 'ui.linkNeededStep2', { start, end })).toBe('<p>Open the link it printed, which starts with <code>http://127.0.0.1:</code> and ends with <code>?token=&lt;x&gt;</code>.</p>');
    expect(html('zh-CN', 'ui.linkNeededStep2', { start, end })).toBe('<p>打开它输出的链接：以 <code>http://127.0.0.1:</code> 开头，以 <code>?token=&lt;x&gt;</code> 结尾。</p>');
  });
});
