// Runs the `recap` CLI from its TypeScript source (through tsx) as a child process, the way a
// user or a CI job runs it.

import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { main, type ExitCode } from '../../../electron/cli/index';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'electron', 'cli', 'index.ts');
const TSX = pathToFileURL(createRequire(path.join(ROOT, 'package.json')).resolve('tsx')).href;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node ARGS` in `cwd`, collecting its output (no colours). */
export function runNode(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs `recap ARGV` in this process through main(), collecting its lines. */
export async function cliInProcess(...argv: string[]): Promise<{ code: ExitCode; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** `recap add-photos POST FILE…` run in-process, which must succeed: the post's text after it. */
export async function addedWithCli(post: string, ...files: string[]): Promise<string> {
  const run = await cliInProcess('add-photos', post, ...files);
  if (run.code !== 0 || run.err !== '') throw new Error(`recap add-photos exited ${run.code}: ${run.err}`);
  return readFile(post, 'utf8');
}

export function runCli(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return runNode(['--import', TSX, CLI, ...args], cwd, env);
}
