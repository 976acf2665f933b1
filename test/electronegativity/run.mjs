#!/usr/bin/env node
// Electronegativity over the Electron door (electron/) and the page it loads (renderer/index.html,
// for its CSP). Fails on any finding of medium severity or above that allow-list.json does not
// explain, and on any allow-list entry that no longer matches a finding (the list stays true).
// Runs offline: the tool's translation and release look-ups fail fast and are not needed.
import { createRequire } from 'node:module';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..', '..');

async function copyTree(from, to, keep) {
  for (const entry of await fs.readdir(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) await copyTree(src, dst, keep);
    else if (keep(entry.name)) {
      await fs.mkdir(to, { recursive: true });
      await fs.copyFile(src, dst);
    }
  }
}

const stage = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-electronegativity-'));
try {
  await copyTree(path.join(root, 'electron'), path.join(stage, 'electron'), (n) => n.endsWith('.ts') && !n.endsWith('.d.ts'));
  await fs.mkdir(path.join(stage, 'renderer'));
  await fs.copyFile(path.join(root, 'renderer', 'index.html'), path.join(stage, 'renderer', 'index.html'));

  const runModule = require('@doyensec/electronegativity');
  const run = runModule.default ?? runModule;
  const electronVersion = require('electron/package.json').version;
  const result = await run({
    input: stage,
    isSarif: false,
    customScan: [],
    excludeFromScan: [],
    severitySet: 'informational',
    confidenceSet: 'tentative',
    isRelative: true,
    isVerbose: false,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  });

  const broken = result.errors.filter((e) => !e.tolerable);
  if (broken.length > 0) {
    for (const e of broken) console.error(`electronegativity could not parse ${e.file}: ${e.message}`);
    process.exitCode = 1;
  }

  const MEDIUM = 2; // severity values: informational 0, low 1, medium 2, high 3, critical 4
  const lines = new Map();
  const lineOf = async (file, line) => {
    if (file === 'N/A' || !line) return '';
    if (!lines.has(file)) lines.set(file, (await fs.readFile(path.join(stage, file), 'utf8')).split('\n'));
    return (lines.get(file)[line - 1] ?? '').trim();
  };
  const findings = [];
  for (const issue of result.issues) {
    if (issue.severity.value < MEDIUM) continue;
    findings.push({ check: issue.id, file: issue.file.split(path.sep).join('/'), line: issue.location.line, code: await lineOf(issue.file, issue.location.line), severity: issue.severity.name ?? String(issue.severity.value) });
  }

  const allow = JSON.parse(await fs.readFile(path.join(here, 'allow-list.json'), 'utf8'));
  for (const entry of allow) {
    if (!entry.reason || entry.reason.length < 40) throw new Error(`allow-list.json: the entry for ${entry.check} in ${entry.file} needs a reason (a sentence or more).`);
  }
  const matches = (entry, f) => entry.check === f.check && entry.file === f.file && f.code.includes(entry.code);
  const unexplained = findings.filter((f) => !allow.some((e) => matches(e, f)));
  const stale = allow.filter((e) => !findings.some((f) => matches(e, f)));

  for (const f of unexplained) console.error(`UNEXPLAINED ${f.check} (${f.severity}) ${f.file}:${f.line}  ${f.code}`);
  for (const e of stale) console.error(`STALE allow-list entry: ${e.check} in ${e.file} (${e.code}) matches no finding any more: remove it.`);
  console.log(`electronegativity ${require('@doyensec/electronegativity/package.json').version} (Electron ${electronVersion}): ${result.globalChecks + result.atomicChecks} checks, ${findings.length} findings of medium severity or above, ${findings.length - unexplained.length} explained in test/electronegativity/allow-list.json, ${unexplained.length} unexplained, ${stale.length} stale entries.`);
  if (unexplained.length > 0 || stale.length > 0) process.exitCode = 1;
} finally {
  await fs.rm(stage, { recursive: true, force: true });
}
