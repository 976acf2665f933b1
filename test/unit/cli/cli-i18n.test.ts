// The CLI in English and Simplified Chinese: the language from LC_ALL / LC_MESSAGES / LANG,
// --ui-lang over it; help, problem lines, summaries and error lines all
// in that language, on real recaps in a temp folder. One run is a real child process with
// LANG set, the rest go through main() with the environment given.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type ExitCode } from '../../../electron/cli/index';
import { runCli } from '../support/cli-run';
import { tempDir } from '../support/site-fixture';

const CHINESE = /[\u4e00-\u9fff]/;
const ZH = { LANG: 'zh_CN.UTF-8' };
const EN = { LANG: 'en_US.UTF-8' };

let tmp: string;
let post: string;

beforeAll(async () => {
  tmp = await tempDir('cli-i18n');
  post = path.join(tmp, 'kcd.md');
  // No title (required), an image without alt text: two findings every profile reports.
  await fs.writeFile(post, '---\ndescription: A day of talks\n---\n\n![](/images/stage.jpg)\n');
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

async function cli(env: Record<string, string>, ...argv: string[]): Promise<{ code: ExitCode; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, env);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('recap in Simplified Chinese', () => {
  it('LANG=zh_CN.UTF-8 recap --help prints the help in Chinese (a real process)', async () => {
    const run = await runCli(tmp, ['--help'], { LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('用法：recap <命令> [选项]');
    expect(run.stdout).toContain('检查前言、Markdown 和本地图片。');
    // Command names, options and examples stay as typed.
    expect(run.stdout).toContain('recap lint content/en/news/kcd-china.md');
    expect(run.stdout).not.toContain('Check front matter, Markdown and local images.');
  });

  it('says each command\'s help, options and the language option in Chinese', async () => {
    const run = await cli(ZH, 'lint', '--help');
    expect(run.code).toBe(0);
    expect(run.out).toContain('用法：recap lint FILE… [--profile NAME] [--max-warnings N] [--json]');
    expect(run.out).toMatch(/--ui-lang en\|zh-CN\s+输出的语言/);
    expect(run.out).toContain('{"file", "rules", "problems", "errors", "warnings"}');
    expect((await cli(ZH, 'export', '--help')).out).toMatch(/--ui-lang en\|zh-CN\s+输出的语言/);
  });

  it('recap lint prints its problem lines and summary in Chinese, the format kept', async () => {
    const run = await cli(ZH, 'lint', post, '--profile', 'hugo-news');
    expect(run.code).toBe(1);
    const lines = run.out.split('\n').filter((l) => /^.+:\d+:\d+ (error|warning) .+ \([a-z-]+\)$/.test(l));
    expect(lines.some((l) => l.startsWith(`${post}:1:1 error `) && l.includes('是必填项') && l.endsWith('(required)'))).toBe(true);
    expect(lines.some((l) => l.startsWith(`${post}:5:1 warning `) && l.includes('没有替代文字') && l.endsWith('(alt-missing)'))).toBe(true);
    for (const line of lines) expect(line).toMatch(CHINESE);
    expect(run.out).toMatch(/\d+ 个错误，\d+ 个警告/);
  });

  it('--ui-lang en overrides LANG, and --ui-lang zh-CN overrides an English LANG', async () => {
    const en = await cli(ZH, 'lint', post, '--ui-lang', 'en', '--profile', 'hugo-news');
    expect(en.out).toContain('is required');
    expect(en.out).not.toMatch(CHINESE);
    const zh = await cli(EN, '--ui-lang=zh-CN', 'lint', post, '--profile', 'hugo-news');
    expect(zh.out).toContain('是必填项');
    expect((await cli({ LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' }, 'lint', post, '--profile', 'hugo-news')).out).toContain('是必填项');
  });

  it('says errors in Chinese, the nested reason too', async () => {
    const run = await cli(ZH, 'lint', path.join(tmp, 'missing.md'));
    expect(run.code).toBe(2);
    expect(run.err).toContain('无法打开');
    expect(run.err).toContain('文件或文件夹不存在');
    const usage = await cli(ZH, 'set', post, 'no-equals-sign');
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('应为 key=value');
  });

  it('refuses a language it does not have, and keeps --lang as the content\'s language folder', async () => {
    const bad = await cli(EN, 'lint', post, '--ui-lang', 'fr');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--ui-lang takes en or zh-CN, got "fr"');
    // --lang is never the interface's language: lint has no such option.
    expect((await cli(EN, 'lint', post, '--lang', 'zh-CN')).code).toBe(2);
    const run = await cli(EN, 'export', post, '--out', path.join(tmp, 'out'), '--lang', 'zh-cn', '--ui-lang', 'zh-CN', '--dry-run');
    expect(run.code).toBe(1);
    expect(run.out).toContain('个错误：没有导出任何内容');
    // --lang zh-cn was read by export (a language folder), not taken as the interface's language.
    expect((await cli(EN, 'export', post, '--out', path.join(tmp, 'out'), '--lang', 'zh-cn', '--dry-run')).out).toContain('nothing was exported');
  });
});
