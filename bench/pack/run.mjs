// npm run size:pack — what the packaged app carries. Builds, packs with electron-builder --dir
// against a stand-in Electron (no download: a tiny executable that carries the fuse wire, so
// electron-builder.yml's fuses are flipped as in a real build), then reads resources/app.asar:
// its size, the size of what is unpacked beside it (sharp's native parts), and the packages
// inside. `--no-build` packs the current dist/ as it is.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const requireHere = createRequire(import.meta.url);
const { getRawHeader } = requireHere('@electron/asar');
const { SENTINEL } = requireHere('@electron/fuses/dist/constants.js');

const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });

/** A folder electron-builder accepts as electronDist on Linux: the `electron` executable (renamed
 * to the product's name when packed) and a `version` file. The executable ends with a fuse wire
 * (sentinel, wire version 1, nine fuses) for @electron/fuses to flip. */
function standInElectron(dir) {
  const fuses = Buffer.concat([Buffer.from(`#${SENTINEL}`), Buffer.from([1, 9]), Buffer.from('000000000'), Buffer.from('\n')]);
  const script = Buffer.from('#!/bin/sh\necho "stand-in Electron: the packed app cannot run"\nexit 1\n');
  writeFileSync(path.join(dir, 'electron'), Buffer.concat([script, fuses]));
  chmodSync(path.join(dir, 'electron'), 0o755);
  writeFileSync(path.join(dir, 'version'), electronVersion);
}

/** Every file in the asar's header: its path, size and whether it sits unpacked beside the asar. */
function asarFiles(node, prefix = '') {
  const out = [];
  for (const [name, entry] of Object.entries(node.files ?? {})) {
    const p = prefix ? `${prefix}/${name}` : name;
    if (entry.files) out.push(...asarFiles(entry, p));
    else if (entry.size !== undefined) out.push({ path: p, size: entry.size, unpacked: entry.unpacked === true });
  }
  return out;
}

/** The package a file belongs to: its innermost node_modules/<name> or node_modules/@scope/<name>. */
function packageOf(file) {
  const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(file);
  return m ? m[1] : null;
}

const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

if (!process.argv.includes('--no-build')) run('npm', ['run', 'build']);
const scratch = mkdtempSync(path.join(tmpdir(), 'recap-pack-'));
try {
  const dist = path.join(scratch, 'electron-dist');
  mkdirSync(dist);
  standInElectron(dist);
  const out = path.join(scratch, 'out');
  run(path.join(root, 'node_modules', '.bin', 'electron-builder'), [
    '--dir', '--linux', '--config', 'electron-builder.yml',
    `-c.electronDist=${dist}`, `-c.electronVersion=${electronVersion}`, `-c.directories.output=${out}`,
    // Rebuilding native modules for Electron would download its headers; sharp ships prebuilt.
    '-c.npmRebuild=false',
  ]);
  const resources = path.join(out, 'linux-unpacked', 'resources');
  const asar = path.join(resources, 'app.asar');
  const files = asarFiles(getRawHeader(asar).header);
  const packages = new Map();
  for (const f of files) {
    const pkg = packageOf(f.path);
    if (!pkg) continue;
    const entry = packages.get(pkg) ?? { bytes: 0, unpacked: false };
    entry.bytes += f.size;
    entry.unpacked ||= f.unpacked;
    packages.set(pkg, entry);
  }
  const sum = (list) => list.reduce((total, f) => total + f.size, 0);
  const result = {
    asarBytes: statSync(asar).size,
    unpackedBytes: sum(files.filter((f) => f.unpacked)),
    // Every node_modules/<name> folder, nested copies included (as `npm ls --all` would count them).
    packages: packages.size,
    packageNames: new Set([...packages.keys()].map((p) => p.replace(/^.*node_modules\//, ''))).size,
    files: files.length,
    appFilesBytes: sum(files.filter((f) => !packageOf(f.path))),
    largest: [...packages].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, 10).map(([name, p]) => ({ name: name.replace(/^node_modules\//, ''), ...p })),
  };
  console.log(`\napp.asar: ${mb(result.asarBytes)} (${result.asarBytes.toLocaleString('en')} bytes), ${result.files} files`);
  console.log(`packages inside: ${result.packages} (${result.packageNames} distinct names); the app's own files: ${mb(result.appFilesBytes)}`);
  console.log(`unpacked beside it (app.asar.unpacked, sharp's native parts): ${mb(result.unpackedBytes)}`);
  console.log('largest packages:');
  for (const p of result.largest) console.log(`  ${p.name.padEnd(40)} ${mb(p.bytes)}${p.unpacked ? ' (unpacked)' : ''}`);
  const results = path.join(root, 'bench', 'results');
  mkdirSync(results, { recursive: true });
  writeFileSync(path.join(results, 'pack.json'), `${JSON.stringify({ date: new Date().toISOString(), electronVersion, ...result }, null, 2)}\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
