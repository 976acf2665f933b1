// A front matter the parsers refuse is explained in the catalogue's words, in the reader's
// language, at its line and column in the file: the yaml package's error codes, smol-toml's
// messages and the JSON reader's, mapped to messages; the parser's own text kept only where no
// mapping exists. Through the form's reader, lint, the edit refusal and `recap lint` in Chinese.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/index';
import { RecapError } from '../../../electron/core/errors';
import { readFrontMatter, setField } from '../../../electron/core/frontmatter/frontmatter';
import { formatMsg } from '../../../electron/core/i18n/messages';
import type { MessageKey } from '../../../electron/core/i18n/messages';
import { validateFrontMatter } from '../../../electron/core/recap/lint';
import { loadProfile } from '../../../electron/service/site/profile';
import { tempDir } from '../support/site-fixture';

const profile = loadProfile();

interface Case {
  name: string;
  text: string;
  key: MessageKey;
  line: number;
  column: number;
  zh: string;
}

const CASES: Case[] = [
  { name: 'YAML unclosed quote', text: '---\ntitle: "Kubernetes\nauthor: x\n---\n', key: 'parser.yamlUnclosedQuote', line: 4, column: 1, zh: '带引号的值没有结束：请在值的末尾补上 "。' },
  { name: 'YAML repeated field', text: '---\ntitle: a\ntitle: b\n---\n', key: 'parser.yamlDuplicateKey', line: 3, column: 1, zh: '字段名必须唯一：“title”重复了。' },
  { name: 'YAML ": " in a value', text: '---\ntitle: KCD: China\n---\n', key: 'parser.yamlColonInValue', line: 2, column: 8, zh: '含有“: ”的值请用双引号括起来' },
  { name: 'YAML unclosed [', text: '---\ntags: [a, b\n---\n', key: 'parser.yamlUnclosedBracket', line: 3, column: 1, zh: '以 [ 开始的列表没有用 ] 结束。' },
  { name: 'YAML tab indent', text: '---\ntitle: a\n\tauthor: b\n---\n', key: 'parser.yamlTab', line: 3, column: 1, zh: 'YAML 只允许用空格缩进' },
  { name: 'YAML reserved start', text: '---\ntitle: @kcd\n---\n', key: 'parser.yamlReservedStart', line: 2, column: 8, zh: '值不能以 @ 开头' },
  { name: 'YAML bad escape', text: '---\ntitle: "a\\qb"\n---\n', key: 'parser.yamlBadEscape', line: 2, column: 10, zh: '\\q 不是 YAML 双引号中可用的转义' },
  { name: 'YAML line without colon', text: '---\ntitle\nauthor: x\n---\n', key: 'parser.yamlNoColon', line: 2, column: 1, zh: '这一行不是“键: 值”形式' },
  { name: 'TOML unclosed string', text: '+++\ntitle = "abc\n+++\n', key: 'parser.tomlUnclosedString', line: 2, column: 13, zh: '字符串在本行没有结束' },
  { name: 'TOML unquoted text', text: '+++\ntitle = abc\n+++\n', key: 'parser.tomlBadValue', line: 2, column: 9, zh: '文字必须放在引号中' },
  { name: 'TOML key twice', text: '+++\ntitle = "a"\ntitle = "b"\n+++\n', key: 'parser.tomlDuplicate', line: 3, column: 1, zh: '定义了两次' },
  { name: 'JSON trailing comma', text: '{\n  "title": "a",\n}\n', key: 'parser.jsonName', line: 3, column: 1, zh: '这里应是用双引号括起来的字段名' },
  { name: 'JSON missing colon', text: '{\n  "title" "a"\n}\n', key: 'parser.jsonColon', line: 2, column: 11, zh: '“title”后面应有“:”。' },
];

describe('a front matter the parser refuses', () => {
  it.each(CASES)('$name: a catalogue message at its line and column, in Chinese', ({ text, key, line, column, zh }) => {
    const fm = readFrontMatter(text);
    expect(fm.editable).toBe(false);
    const [first] = fm.problems;
    expect(first).toMatchObject({ line, column, syntax: true, msg: { key } });
    expect(formatMsg('zh-CN', first!.msg)).toContain(zh);
    // No English of the parser left in the Chinese text.
    expect(formatMsg('zh-CN', first!.msg)).not.toMatch(/[A-Za-z]{4,} [A-Za-z]{4,}/);
  });

  it('lint names the format and says the problem in Chinese at its place', () => {
    const [yaml] = validateFrontMatter('---\ntitle: a\ntitle: b\n---\n', profile);
    expect(yaml).toMatchObject({ code: 'yaml-syntax', line: 3, column: 1 });
    expect(formatMsg('zh-CN', yaml!.msg!)).toBe('前言不是有效的 YAML：字段名必须唯一：“title”重复了。请保留一个，删除另一个。');
    expect(yaml!.message).toBe('The front matter is not valid YAML: Field names must be unique: "title" is repeated. Keep one and remove the other.');
    const [toml] = validateFrontMatter('+++\ntitle = abc\n+++\n', profile);
    expect(formatMsg('zh-CN', toml!.msg!)).toMatch(/^前言不是有效的 TOML：这个值不是有效的 TOML/);
    const [json] = validateFrontMatter('{\n  "title" "a"\n}\n', profile);
    expect(formatMsg('zh-CN', json!.msg!)).toBe('前言不是有效的 JSON：“title”后面应有“:”。');
  });

  it('a front matter of the wrong shape is said as it is, not as a syntax error', () => {
    const [list] = readFrontMatter('---\n- a\n- b\n---\n').problems;
    expect(list).toMatchObject({ syntax: false, line: 2, column: 1, msg: { key: 'parser.yamlNotMap' } });
    const [lint] = validateFrontMatter('---\n- a\n- b\n---\n', profile);
    expect(formatMsg('zh-CN', lint!.msg!)).toBe('前言必须由“键: 值”形式的行组成。');
    const [array] = readFrontMatter('{\n"a": 1\n}\n').problems;
    expect(array).toBeUndefined();
    const [unclosed] = readFrontMatter('+++\ntitle = "a"\n').problems;
    expect(formatMsg('zh-CN', unclosed!.msg)).toBe('第 1 行开始的前言没有用 +++ 行结束。');
  });

  it('keeps the parser\'s own words where no mapping exists, and says so', () => {
    const [toml] = readFrontMatter('+++\na = 1 # \u0001\n+++\n').problems;
    expect(toml).toMatchObject({ line: 2, column: 9, msg: { key: 'parser.tomlOther' } });
    expect(formatMsg('zh-CN', toml!.msg)).toBe('此处的 TOML 无法读取（解析器：control characters are not allowed in comments）。');
    // JSON.parse's complaint, placed at the offset it names.
    const [json] = readFrontMatter('{\n  "title": "a\\qb"\n}\n').problems;
    expect(json).toMatchObject({ line: 2, column: 15, msg: { key: 'parser.jsonOther' } });
    expect(json!.message).toMatch(/^The JSON cannot be read here \(parser: Bad escaped character in JSON at position 16\)\.$/);
  });

  it('an edit of a broken front matter is refused with the line, column and reason in Chinese', () => {
    const attempt = (text: string): RecapError => {
      try {
        setField(text, 'author', 'Jane');
      } catch (err) {
        if (err instanceof RecapError) return err;
        throw err;
      }
      throw new Error('the edit was not refused');
    };
    const yaml = attempt('---\ntitle: "KCD\nauthor: x\n---\n');
    expect(formatMsg('zh-CN', yaml.msg!)).toBe('前言第 4 行第 1 列有错误：带引号的值没有结束：请在值的末尾补上 "。 请先在 YAML 源码视图中修正。');
    const toml = attempt('+++\ntitle = abc\n+++\n');
    expect(formatMsg('zh-CN', toml.msg!)).toMatch(/^前言（front matter）第 2 行第 9 列不是有效的 TOML：这个值不是有效的 TOML/);
    const json = attempt('{\n  "title": "a",\n}\n');
    expect(json.message).toBe('The front matter is not valid JSON on line 3, column 1: Expected a field name in double quotes (JSON allows no comma after the last item). Fix it in the raw view first.');
    expect(formatMsg('zh-CN', json.msg!)).toMatch(/^前言第 3 行第 1 列不是有效的 JSON：这里应是用双引号括起来的字段名/);
  });
});

describe('recap lint on a broken front matter, in Chinese', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await tempDir('fm-errors');
  });
  afterAll(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it('prints the TOML problem at its file line and column in Chinese', async () => {
    const post = path.join(tmp, 'kcd.md');
    await fs.writeFile(post, '+++\ntitle = "KCD China"\ndate = 2024-13-45\n+++\n\nBody\n');
    const out: string[] = [];
    const code = await main(['lint', post, '--profile', 'hugo-news'], { out: (l) => out.push(l), err: (l) => out.push(l) }, { LANG: 'zh_CN.UTF-8' });
    expect(code).toBe(1);
    expect(out.join('\n')).toContain(`${post}:3:8 `);
    expect(out.join('\n')).toContain('前言不是有效的 TOML：这个日期无效：请写成 2024-05-18 或 2024-05-18T10:00:00+08:00。');
  });
});
