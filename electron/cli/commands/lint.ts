// `recap lint`: which rules apply to each recap and what they find.

import { msg } from '../../core/i18n/messages';
import * as path from 'node:path';
import type { Problem, RulesInfo, SiteProfile } from '../../core/contract';
import { createRecapService, readRecapFile, type RecapService } from '../../service/service';
import { loadProfile } from '../../service/site/profile';
import { profileForRecap } from '../../service/site/site';
import { rulesForPost, rulesGiven } from '../../service/site/site-rules';
import { HELP_OPTION, type Command, type ParsedArgs } from '../args';
import { errorLine, exitCodeFor, problemText, say, UsageError, type ExitCode, type Io } from '../output';

interface LintReport {
  file: string;
  rules: RulesInfo | null;
  problems: Problem[];
  errors: number;
  warnings: number;
}

interface LintRun {
  service: RecapService;
  profileName: string | undefined;
  /** The rules of --profile, when given: they replace each site's own. */
  given: SiteProfile | null;
}

/** The recap's text, or null when it cannot be read (said on stderr; other failures throw). */
async function readOrSay(file: string, io: Io): Promise<string | null> {
  try {
    return (await readRecapFile(file)).text;
  } catch (err) {
    // One unreadable file does not hide the findings of the others.
    if (exitCodeFor(err) !== 2) throw err;
    io.err(errorLine(err));
    return null;
  }
}

async function lintOne(run: LintRun, file: string, text: string): Promise<LintReport> {
  const problems = await run.service.lintRecap({ text, path: path.resolve(file), ...(run.profileName !== undefined ? { profile: run.profileName } : {}) });
  const rules = (run.given ? rulesForPost(run.given, path.resolve(file)) : profileForRecap(path.resolve(file))).rules ?? null;
  return {
    file,
    rules,
    problems,
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
  };
}

function printReport(report: LintReport, io: Io): void {
  const { file, rules, problems } = report;
  if (rules) io.out(say('cli.lint.rules', { file, summary: rules.summaryMsg ?? rules.summary }));
  for (const p of problems) io.out(`${file}:${p.line ?? 1}:${p.column ?? 1} ${p.severity} ${problemText(p)} (${p.code})`);
  if (problems.length === 0) io.out(say('cli.lint.none', { file }));
}

async function runLint(args: ParsedArgs, io: Io): Promise<ExitCode> {
  const files = args.positionals;
  if (files.length === 0) throw new UsageError(say('cli.lint.whichFile'), 'lint');
  const json = args.has('json');
  const maxWarnings = maxWarningsOf(args.value('max-warnings'));
  const profileName = args.value('profile');
  // A wrong name is a usage error before any file is read.
  const given = profileName === undefined ? null : rulesGiven(loadProfile(profileName), msg('cli.lint.given'));
  const run: LintRun = { service: createRecapService(), profileName, given };
  let unreadable = false;
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    const text = await readOrSay(file, io);
    if (text === null) {
      unreadable = true;
      continue;
    }
    const report = await lintOne(run, file, text);
    errors += report.errors;
    warnings += report.warnings;
    if (json) io.out(JSON.stringify(report));
    else printReport(report, io);
  }
  if (!json && (errors > 0 || warnings > 0)) io.out(say('cli.lint.summary', { errors, warnings }));
  // Warnings fail the run (a future date, a draft: the post would not be published) unless
  // --max-warnings allows them, as ESLint's does; errors always fail it.
  const tooManyWarnings = warnings > (maxWarnings ?? 0);
  if (maxWarnings !== undefined && tooManyWarnings) io.err(say('cli.lint.tooManyWarnings', { warnings, max: maxWarnings }));
  if (unreadable) return 2;
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

/** --max-warnings N: how many warnings the run allows (a whole number, 0 or more). */
function maxWarningsOf(written: string | undefined): number | undefined {
  if (written === undefined) return undefined;
  if (!/^\d{1,9}$/.test(written)) throw new UsageError(say('cli.lint.maxWarningsNotANumber', { value: written }), 'lint');
  return Number(written);
}

export const lintCommand: Command = {
  name: 'lint',
  summary: 'cli.lint.summaryLine',
  usage: 'recap lint FILE… [--profile NAME] [--max-warnings N] [--json]',
  details: 'cli.lint.details',
  helpParams: { json: '{"file", "rules", "problems", "errors", "warnings"}' },
  options: [
    { name: 'profile', value: 'NAME', help: 'cli.lint.opt.profile' },
    { name: 'max-warnings', value: 'N', help: 'cli.lint.opt.maxWarnings' },
    { name: 'json', help: 'cli.lint.opt.json' },
    HELP_OPTION,
  ],
  examples: ['recap lint content/en/news/kcd-china.md', 'recap lint content/en/news/*.md --json', 'recap lint content/en/news/*.md --max-warnings 10', 'recap lint draft.md --profile jekyll'],
  run: runLint,
};
