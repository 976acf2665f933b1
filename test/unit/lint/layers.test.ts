// The layer rules fail the lint on a wrong-way import: ESLint's own API lints a line of code as
// if it sat at a real path of the tree, with the project's eslint.config.mjs.
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.join(__dirname, '..', '..', '..');
const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.mjs') });

/** The rules ESLint reports for `code` placed at `file` (an absolute path). */
async function ruleIds(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'fatal');
}

/** The layer messages ESLint gives `code` placed at `file` (a path in the repository). */
async function layerMessages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'layers/imports' || m.fatal).map((m) => m.message);
}

const CORE_NODE = 'The core runs in the page too: no Node built-ins.';
const CORE_ELECTRON = 'The core runs in the page and the CLI too: no Electron.';
const CORE_REACT = 'The core is plain TypeScript shared by the service and the page: no React (components live in renderer/).';
const CORE_UP = 'The core is the bottom layer: it never imports the service, a door or the renderer.';
const SERVICE_ELECTRON = 'The service is plain Node, shared by the three doors: it never imports Electron.';
const SERVICE_UP = 'The service sits under the doors and the page: it never imports a door or the renderer.';
const OTHER_DOOR = 'A door never imports another door: share code through the service or the core.';
const PAGE_NODE = 'The renderer runs in a sandboxed page: no Node built-ins.';
const PAGE_ELECTRON = "The renderer runs in a sandboxed page: no Electron (the preload's bridge is its only way out).";
const PAGE_ONLY = 'The renderer imports only electron/core and itself: it reaches the service through its api/ (the contract), never by import.';

describe('a wrong-way import fails the lint with the rule in words', () => {
  it.each([
    ['electron/core/recap/lint.ts', "import { readFileSync } from 'node:fs';", CORE_NODE],
    ['electron/core/contract.ts', "import * as path from 'path';", CORE_NODE],
    ['electron/core/frontmatter/frontmatter.ts', "import { readFile } from 'fs/promises';", CORE_NODE],
    ['electron/core/errors.ts', "import { app } from 'electron';", CORE_ELECTRON],
    ['electron/core/markdown/photo-text.ts', "import { useState } from 'react';", CORE_REACT],
    ['electron/core/history.ts', "import { createRecapService } from '../service/service';", CORE_UP],
    ['electron/core/recap/template.ts', "export { run } from '../../cli/index';", CORE_UP],
    ['electron/service/service.ts', "import { app } from 'electron';", SERVICE_ELECTRON],
    ['electron/service/files/atomic-write.ts', "const { shell } = require('electron');", SERVICE_ELECTRON],
    ['electron/service/drafts/drafts.ts', "import type { BrowserWindow } from 'electron';", SERVICE_ELECTRON],
    ['electron/service/export/export.ts', "import { registerIpc } from '../../main/ipc';", SERVICE_UP],
    ['electron/service/site/site.ts', "const web = await import('../../web/server');", SERVICE_UP],
    ['electron/service/photos/photos.ts', "import { App } from '../../../renderer/App';", SERVICE_UP],
    ['electron/main/index.ts', "import { startWebServer } from '../web/server';", OTHER_DOOR],
    ['electron/main/menu.ts', "import { run } from '../cli/index';", OTHER_DOOR],
    ['electron/web/server.ts', "import { createWindow } from '../main/windows';", OTHER_DOOR],
    ['electron/cli/index.ts', "import { startWebServer } from '../web/server';", OTHER_DOOR],
    ['renderer/App.tsx', "import { readFileSync } from 'node:fs';", PAGE_NODE],
    ['renderer/workspace/EditorPane.tsx', "import { ipcRenderer } from 'electron';", PAGE_ELECTRON],
    ['renderer/workspace/EditorPane.tsx', "import { createRecapService } from '../../electron/service/service';", PAGE_ONLY],
    ['renderer/export/ExportDialog.tsx', "import { planExport } from '../../electron/service/export/export';", PAGE_ONLY],
    ['renderer/main.tsx', "import { registerIpc } from '../electron/main/ipc';", PAGE_ONLY],
    ['renderer/ui/Modal.tsx', "import { helper } from '../../test/unit/support/tmp';", PAGE_ONLY],
  ])('%s: %s', async (file, code, message) => {
    const spec = /'([^']+)'/.exec(code)?.[1];
    expect(await layerMessages(file, code)).toEqual([`${message} (imports ${spec})`]);
  });
});

describe('a right-way import passes', () => {
  it.each([
    ['electron/core/recap/lint.ts', "import { RecapError } from '../errors';\nimport { parse } from 'yaml';\nimport { diffLines } from 'diff';"],
    ['electron/service/files/atomic-write.ts', "import { promises as fs } from 'node:fs';\nimport { RecapError } from '../../core/errors';\nimport { sniff } from './image-header';"],
    ['electron/service/service.ts', "import { planExport } from './export/export';\nimport { lintMarkdown } from '../core/recap/lint';"],
    ['electron/main/ipc.ts', "import { ipcMain } from 'electron';\nimport { createRecapService } from '../service/service';\nimport { validate } from '../core/validate';"],
    ['electron/web/server.ts', "import * as http from 'node:http';\nimport { createRecapService } from '../service/service';"],
    ['electron/cli/index.ts', "import { createRecapService } from '../service/service';\nimport { RecapError } from '../core/errors';"],
    ['renderer/workspace/EditorPane.tsx', "import { useState } from 'react';\nimport type { Api } from '../../electron/core/contract';\nimport { Modal } from '../ui/Modal';\nconst Preview = import('../preview/Preview');"],
    ['renderer/vite.config.mts', "import * as path from 'node:path';"],
    ['test/unit/main/ipc.test.ts', "import { app } from 'electron';\nimport { startWebServer } from '../../../electron/web/server';\nimport { App } from '../../../renderer/App';"],
  ])('%s', async (file, code) => {
    expect(await layerMessages(file, code)).toEqual([]);
  });
});

describe('the tree as it is', () => {
  it('has every room\'s layer rule on for every file, with no exception in the config (npm run lint checks them)', async () => {
    const sources = (await fs.readdir(root, { recursive: true }))
      .map((f) => f.split(path.sep).join('/'))
      .filter((f) => /^(electron|renderer)\/.*\.tsx?$/.test(f) && !f.endsWith('.d.ts'));
    expect(sources.length).toBeGreaterThan(50);
    for (const file of sources) {
      const config = (await eslint.calculateConfigForFile(path.join(root, file))) as { rules: Record<string, unknown> };
      expect(config.rules['layers/imports'], file).toEqual([2, file.split('/')[file.startsWith('renderer') ? 0 : 1]]);
    }
  });
});

describe('the size limits', () => {
  const body = (lines: number): string => Array.from({ length: lines }, (_, i) => `  total += ${i};`).join('\n');

  it('refuse a function over 80 lines and a file over 500, blank lines and comments not counted', async () => {
    const file = path.join(root, 'electron/service/site/long.ts');
    const longFunction = `export function long(): number {\n  let total = 0;\n${body(80)}\n  return total;\n}\n`;
    expect(await ruleIds(longFunction, file)).toContain('max-lines-per-function');
    const withComments = `export function ok(): number {\n  let total = 0;\n${body(70)}\n${'  // a comment\n\n'.repeat(20)}  return total;\n}\n`;
    expect(await ruleIds(withComments, file)).not.toContain('max-lines-per-function');
    const longFile = Array.from({ length: 501 }, (_, i) => `export const v${i} = ${i};`).join('\n') + '\n';
    expect(await ruleIds(longFile, path.join(root, 'renderer/ui/long.ts'))).toContain('max-lines');
  });

  it('hold for every source file of electron/ and renderer/, the message catalogues (data) alone excepted', async () => {
    const catalogues = ['electron/core/i18n/en.ts', 'electron/core/i18n/zh-CN.ts'];
    for (const file of catalogues) {
      const config = (await eslint.calculateConfigForFile(path.join(root, file))) as { rules: Record<string, unknown[]> };
      expect(config.rules['max-lines']?.[0], file).toBe(0);
    }
    const sources = execFileSync('git', ['ls-files', 'electron', 'renderer'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts') && f !== 'renderer/vite.config.mts' && !catalogues.includes(f));
    for (const file of sources) {
      const config = (await eslint.calculateConfigForFile(path.join(root, file))) as { rules: Record<string, unknown[]> };
      expect(config.rules['max-lines']?.[0], file).toBe(2);
      expect(config.rules['max-lines-per-function']?.[0], file).toBe(2);
    }
  }, 120_000);
});
