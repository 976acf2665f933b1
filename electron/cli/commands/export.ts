// `recap export`: the recap and its photos written where the site expects them (or a folder, or a .zip).

import * as path from 'node:path';
import type { ExportReport, ExportRequest, ExportTarget } from '../../core/contract';
import { ExportConflictError, exportRecap } from '../../service/export/export';
import { readRecapFile } from '../../service/service';
import { loadProfile } from '../../service/site/profile';
import { HELP_OPTION, type Command, type ParsedArgs } from '../args';
import { errorLine, problemText, say, size, UsageError, type ExitCode, type Io } from '../output';

function exportTargetOf(args: ParsedArgs): ExportTarget {
  const given = (['site', 'out', 'zip'] as const).filter((o) => args.has(o));
  if (given.length !== 1) {
    throw new UsageError(given.length === 0 ? say('cli.export.whereTo') : say('cli.export.onlyOne', { given: given.map((g) => `--${g}`).join(say('cli.export.and')) }), 'export');
  }
  const value = args.value(given[0] as string) ?? '';
  if (given[0] === 'site') return { kind: 'site', dir: path.resolve(value) };
  if (given[0] === 'out') return { kind: 'folder', dir: path.resolve(value) };
  if (!/\.zip$/i.test(value)) throw new UsageError(say('cli.export.zipName', { file: value }), 'export');
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
  const section = args.value('section');
  return {
    recapPath: path.resolve(recap),
    text,
    target,
    ...(profile !== undefined ? { profile } : {}),
    ...(slug !== undefined ? { slug } : {}),
    ...(lang !== undefined ? { lang } : {}),
    ...(section !== undefined ? { section } : {}),
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
    for (const f of err.files) io.err(say('cli.export.exists', { path: f }));
    io.err(say('cli.export.addOverwrite', { count: err.files.length }));
  }
  return 1;
}

/** The files written (or that would be), the zip, the conflicts of a dry run and git's status. */
function printWritten(report: ExportReport, recap: string, target: ExportTarget, io: Io): void {
  const where = target.kind === 'zip' ? target.file : target.dir;
  io.out(say(report.dryRun ? 'cli.export.would' : 'cli.export.did', { post: report.post ?? recap, where, profile: report.profile }));
  const width = 9;
  for (const f of report.files) {
    const state = report.dryRun && report.conflicts.includes(f.path) ? 'exists' : f.status;
    io.out(`  ${state.padEnd(width)} ${f.path}`);
  }
  // A site with posts in several folders: which one the post went to, and the others --section picks.
  if (report.places && report.section) {
    const others = report.places.filter((p) => p.name !== report.section).map((p) => (p.folder === `${p.name}/` ? p.name : `${p.name} (${p.folder})`));
    io.out(say('cli.export.section', { section: report.section, others: others.join(', ') }));
  }
  if (report.zip) io.out(say('cli.export.zip', { file: report.zip.file, count: report.zip.entries, size: size(report.zip.bytes) }));
  if (report.dryRun && report.conflicts.length > 0) {
    io.out(say('cli.export.conflicts', { count: report.conflicts.length }));
  }
  if (report.gitStatus !== null) {
    io.out('git status --short:');
    for (const line of report.gitStatus.split('\n').filter((l) => l !== '')) io.out(`  ${line}`);
  }
  const n = (list: string[]): number => list.length;
  if (!report.dryRun) {
    io.out(report.written
      ? say('cli.export.counts', { added: String(n(report.added)), changed: String(n(report.changed)), unchanged: String(n(report.unchanged)), removed: String(n(report.removed)) })
      : say('cli.export.nothing'));
  }
}

/** The report as text: the problems, then either why nothing was exported or what was. */
function printReport(report: ExportReport, recap: string, target: ExportTarget, io: Io): ExitCode {
  const errors = report.problems.filter((p) => p.severity === 'error').length;
  for (const p of report.problems) {
    io.out(`${p.line !== undefined ? `${recap}:${p.line}:${p.column ?? 1}` : recap} ${p.severity} ${problemText(p)} (${p.code})`);
  }
  if (errors > 0) {
    io.out(say('cli.export.stopped', { count: errors }));
    return 1;
  }
  printWritten(report, recap, target, io);
  return report.dryRun && report.conflicts.length > 0 ? 1 : 0;
}

async function runExport(args: ParsedArgs, io: Io): Promise<ExitCode> {
  const [recap, ...extra] = args.positionals;
  if (recap === undefined) throw new UsageError(say('cli.export.whichRecap'), 'export');
  if (extra.length > 0) throw new UsageError(say('cli.export.oneRecap', { extra: extra.join(' ') }), 'export');
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
  summary: 'cli.export.summaryLine',
  usage: 'recap export RECAP.md (--site DIR | --out DIR | --zip FILE) [--profile NAME] [--dry-run] [--overwrite] [--json]',
  details: 'cli.export.details',
  helpParams: { lang: '{lang}' },
  options: [
    { name: 'site', value: 'DIR', help: 'cli.export.opt.site' },
    { name: 'out', value: 'DIR', help: 'cli.export.opt.out' },
    { name: 'zip', value: 'FILE', help: 'cli.export.opt.zip' },
    { name: 'profile', value: 'NAME', help: 'cli.export.opt.profile' },
    { name: 'slug', value: 'NAME', help: 'cli.export.opt.slug' },
    { name: 'lang', value: 'LANG', help: 'cli.export.opt.lang' },
    { name: 'section', value: 'NAME', help: 'cli.export.opt.section' },
    { name: 'leave-out-unused', help: 'cli.export.opt.leaveOut' },
    { name: 'dry-run', help: 'cli.export.opt.dryRun' },
    { name: 'overwrite', help: 'cli.export.opt.overwrite' },
    { name: 'json', help: 'cli.export.opt.json' },
    HELP_OPTION,
  ],
  examples: [
    'recap export content/en/news/kcd-china.md --site ~/src/website',
    'recap export kcd-china.md --out /tmp/kcd --profile hugo-bundle --dry-run',
    'recap export kcd-china.md --zip kcd-china.zip',
  ],
  run: runExport,
};
