// `recap export`: the recap and its photos written where the site expects them (or a folder, or a .zip).

import * as path from 'node:path';
import type { ExportReport, ExportRequest, ExportTarget } from '../../core/contract';
import { ExportConflictError, exportRecap } from '../../service/export/export';
import { readRecapFile } from '../../service/service';
import { loadProfile } from '../../service/site/profile';
import { HELP_OPTION, type Command, type ParsedArgs } from '../args';
import { errorLine, plural, size, UsageError, type ExitCode, type Io } from '../output';

function exportTargetOf(args: ParsedArgs): ExportTarget {
  const given = (['site', 'out', 'zip'] as const).filter((o) => args.has(o));
  if (given.length !== 1) {
    throw new UsageError(given.length === 0 ? 'where to? give one of --site DIR, --out DIR or --zip FILE' : `give only one of --site, --out and --zip, got ${given.map((g) => `--${g}`).join(' and ')}`, 'export');
  }
  const value = args.value(given[0] as string) ?? '';
  if (given[0] === 'site') return { kind: 'site', dir: path.resolve(value) };
  if (given[0] === 'out') return { kind: 'folder', dir: path.resolve(value) };
  if (!/\.zip$/i.test(value)) throw new UsageError(`--zip ${value}: the file name should end in .zip`, 'export');
  return { kind: 'zip', file: path.resolve(value) };
}

/** The export request of the command line (the recap read, a --profile name checked). */
async function exportRequestOf(recap: string, args: ParsedArgs): Promise<ExportRequest> {
  const target = exportTargetOf(args);
  const text = (await readRecapFile(recap)).text;
  const profile = args.value('profile');
  if (profile !== undefined) loadProfile(profile);
  const slug = args.value('slug');
  const lang = args.value('lang');
  return {
    recapPath: path.resolve(recap),
    text,
    target,
    ...(profile !== undefined ? { profile } : {}),
    ...(slug !== undefined ? { slug } : {}),
    ...(lang !== undefined ? { lang } : {}),
    dryRun: args.has('dry-run'),
    overwrite: args.has('overwrite'),
    leaveOutUnused: args.has('leave-out-unused'),
  };
}

/** Existing files that differ refused the export: list them (exit 1). */
function sayConflicts(err: ExportConflictError, json: boolean, io: Io): 1 {
  if (json) {
    io.out(JSON.stringify({ written: false, error: err.toJSON(), conflicts: err.files }));
  } else {
    io.err(errorLine(err));
    for (const f of err.files) io.err(`  exists  ${f}`);
    io.err(`Add --overwrite to replace ${err.files.length === 1 ? 'it' : 'them'}.`);
  }
  return 1;
}

/** The files written (or that would be), the zip, the conflicts of a dry run and git's status. */
function printWritten(report: ExportReport, recap: string, target: ExportTarget, io: Io): void {
  const where = target.kind === 'zip' ? target.file : target.dir;
  io.out(`${report.dryRun ? 'Would export' : 'Exported'} ${report.post ?? recap} to ${where} (profile ${report.profile}):`);
  const width = 9;
  for (const f of report.files) {
    const state = report.dryRun && report.conflicts.includes(f.path) ? 'exists' : f.status;
    io.out(`  ${state.padEnd(width)} ${f.path}`);
  }
  if (report.zip) io.out(`  ${report.zip.file}: ${plural(report.zip.entries, 'file')}, ${size(report.zip.bytes)}`);
  if (report.dryRun && report.conflicts.length > 0) {
    io.out(`${plural(report.conflicts.length, 'existing file')} differ${report.conflicts.length === 1 ? 's' : ''}; add --overwrite to replace ${report.conflicts.length === 1 ? 'it' : 'them'}.`);
  }
  if (report.gitStatus !== null) {
    io.out('git status --short:');
    for (const line of report.gitStatus.split('\n').filter((l) => l !== '')) io.out(`  ${line}`);
  }
  const n = (list: string[]): number => list.length;
  if (!report.dryRun) {
    io.out(report.written
      ? `${n(report.added)} added, ${n(report.changed)} changed, ${n(report.unchanged)} unchanged, ${n(report.removed)} removed.`
      : 'Nothing to change: the target already has this export.');
  }
}

/** The report as text: the problems, then either why nothing was exported or what was. */
function printReport(report: ExportReport, recap: string, target: ExportTarget, io: Io): ExitCode {
  const errors = report.problems.filter((p) => p.severity === 'error').length;
  for (const p of report.problems) {
    io.out(`${p.line !== undefined ? `${recap}:${p.line}:${p.column ?? 1}` : recap} ${p.severity} ${p.message} (${p.code})`);
  }
  if (errors > 0) {
    io.out(`${plural(errors, 'error')}: nothing was exported. Fix ${errors === 1 ? 'it' : 'them'} and export again.`);
    return 1;
  }
  printWritten(report, recap, target, io);
  return report.dryRun && report.conflicts.length > 0 ? 1 : 0;
}

async function runExport(args: ParsedArgs, io: Io): Promise<ExitCode> {
  const [recap, ...extra] = args.positionals;
  if (recap === undefined) throw new UsageError('which recap? e.g. recap export kcd-china.md --site ~/src/website', 'export');
  if (extra.length > 0) throw new UsageError(`recap export takes one RECAP.md, got also "${extra.join(' ')}"`, 'export');
  const req = await exportRequestOf(recap, args);
  const json = args.has('json');
  let report: ExportReport;
  try {
    report = await exportRecap(req);
  } catch (err) {
    if (!(err instanceof ExportConflictError)) throw err;
    return sayConflicts(err, json, io);
  }
  if (json) {
    io.out(JSON.stringify(report));
    const refused = report.problems.some((p) => p.severity === 'error') || (report.dryRun && report.conflicts.length > 0);
    return refused ? 1 : 0;
  }
  return printReport(report, recap, req.target, io);
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'Write the recap and its photos where the site expects them (or a folder, or a .zip).',
  usage: 'recap export RECAP.md (--site DIR | --out DIR | --zip FILE) [--profile NAME] [--dry-run] [--overwrite] [--json]',
  details: [
    'Checks the recap first (required fields, broken or remote images, unused photos, image sizes,',
    'accidental code blocks, a slug already taken…); errors stop the export, warnings do not.',
    'The post goes to the site profile\'s path (hugo-news: content/<lang>/news/<slug>.md) and its',
    'images to the profile\'s folder (static/images/news/<dir>/), links rewritten to the public form.',
    'Existing files that differ are never replaced without --overwrite; re-exporting updates this',
    'recap\'s own files and removes the images it exported before and no longer uses. The export is',
    'atomic: on any failure the target is left exactly as it was.',
    'Exit status: 0 written (or nothing to change), 1 preflight errors or existing files refused,',
    '2 usage error or unreadable recap.',
  ],
  options: [
    { name: 'site', value: 'DIR', help: 'Export into a site checkout (its profile is detected).' },
    { name: 'out', value: 'DIR', help: 'Export into a folder with the site\'s layout.' },
    { name: 'zip', value: 'FILE', help: 'Export as a .zip of that folder.' },
    { name: 'profile', value: 'NAME', help: 'Site profile: hugo-news, hugo-bundle, jekyll, docusaurus.' },
    { name: 'slug', value: 'NAME', help: 'The post\'s name in the site; default: the recap\'s file name.' },
    { name: 'lang', value: 'LANG', help: 'Language folder for {lang}; default: the recap\'s, else the site\'s.' },
    { name: 'leave-out-unused', help: 'Leave out photos of the folder that the text does not use.' },
    { name: 'dry-run', help: 'Check and list what would be written; write nothing.' },
    { name: 'overwrite', help: 'Replace existing files that differ.' },
    { name: 'json', help: 'Print the report as JSON.' },
    HELP_OPTION,
  ],
  examples: [
    'recap export content/en/news/kcd-china.md --site ~/src/website',
    'recap export kcd-china.md --out /tmp/kcd --profile hugo-bundle --dry-run',
    'recap export kcd-china.md --zip kcd-china.zip',
  ],
  run: runExport,
};
