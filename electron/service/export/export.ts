// Ready-to-commit export: the recap and its photos laid out exactly as the site repository
// expects, so that `git add` is the only step left.
//
// 1. Plan (plan.ts): where the post and each image go under the target's profile (layout.ts),
//    the Markdown with image links in the profile's public form (links.ts: only links that
//    change are touched, so the front matter and every other byte stay as the editor has them),
//    the images copied and their names (images.ts), the state of each target file (added,
//    changed, unchanged, in conflict: target-state.ts) and the preflight checklist.
// 2. Never clobber: a target file that differs is replaced only when it is this recap's own
//    earlier export (recorded in a manifest kept with the draft, never in the site:
//    manifest.ts) or the author confirmed the list (overwrite).
// 3. Atomic: everything is staged in a temp folder inside the target (same filesystem), then
//    renamed into place (commit-folder.ts). Any failure undoes the renames done so far, so the
//    target is exactly as before. A zip is written to a temp file, renamed (commit-zip.ts).
//    A folder export makes that temp folder first and copies each new photo into it as soon as
//    the plan has sniffed and named it, and its other writes while the plan's checks run
//    (planWrites, then finishPlan): only into that temp folder of its own, removed again if
//    the checks refuse.

import { promises as nodeFs, type Stats } from 'node:fs';
import type { ExportReport, ExportRequest } from '../../core/contract';
import { RecapError, describeFsErrorMsg } from '../../core/errors';
import { problemOf } from '../../core/recap/lint-problem';
import { commitToFolder, type StagedFolder } from './commit-folder';
import { commitToZip } from './commit-zip';
import { gitStatus } from './git';
import { saveManifest } from './manifest';
import { conflictsOf, finishPlan, makePlan, planWrites, reportOf, type PlanDraft } from './plan';
import { makeSetPlan } from './translations-plan';
import { hasErrors } from './preflight';
import { isWrite, type ExportOptions, type Plan } from './types';
import { msg } from '../../core/i18n/messages';

export type { ExportFs, ExportOptions } from './types';
export { GIT_SAFE } from './git';
export { defaultDataDir, manifestPathFor } from './manifest';

/** An export refused because existing files differ: `files` lists them (relative to the target). */
export class ExportConflictError extends RecapError {
  constructor(readonly files: string[], where: string) {
    const shown = files.length <= 10 ? files.join(', ') : `${files.slice(0, 10).join(', ')} and ${files.length - 10} more`;
    super('EXISTS', `${where} already has ${files.length === 1 ? 'a different file' : `${files.length} different files`} where the export goes: ${shown}. Nothing was written; confirm to replace ${files.length === 1 ? 'it' : 'them'}.`);
    this.name = 'ExportConflictError';
  }
}

/** The export as it would happen: files and their state, conflicts, the preflight checklist. Writes nothing. */
export async function planExport(req: ExportRequest, options: ExportOptions = {}): Promise<ExportReport> {
  return reportOf((await plansOf(req, options)).plan, { dryRun: true, written: false, gitStatus: null, zip: null });
}

/** The plan: of the recap alone, or (withTranslations) of the recap and its translations together. */
async function plansOf(req: ExportRequest, options: ExportOptions): Promise<{ plan: Plan; members: Plan[] }> {
  if (req.withTranslations) return makeSetPlan(req, options);
  const plan = await makePlan(req, options);
  return { plan, members: [plan] };
}

/** Whether a folder export changes anything in its target. */
function writesAny(plan: Plan): boolean {
  return plan.entries.some(isWrite) || plan.removals.length > 0;
}

/**
 * Writes the plan to its target, through its staging when it has one (which is discarded when
 * there is nothing to write), then records it with `record` (in a folder, while the staging
 * folder is being removed). Says whether anything was written, and the zip's figures.
 */
async function commit(plan: Plan, options: ExportOptions, staged: StagedFolder | null, record: (written: Map<string, Stats> | null) => Promise<void>): Promise<{ written: boolean; zip: ExportReport['zip'] }> {
  const fs = options.fs ?? nodeFs;
  if (plan.zipFile !== null) {
    const zip = await commitToZip(plan, fs, options.durable === true);
    await record(null);
    return { written: true, zip };
  }
  const written = writesAny(plan);
  if (!written) {
    await staged?.discard();
    await record(null);
  } else if (staged !== null) {
    await staged.place(plan, record);
  } else {
    await commitToFolder(plan, fs, options.durable === true, record);
  }
  return { written, zip: null };
}

/** The record of the export; a failure to save it is a warning in the report, not a failed export. */
async function recordExport(plan: Plan, options: ExportOptions, written: Map<string, Stats> | null): Promise<void> {
  try {
    await saveManifest(plan, options.fs ?? nodeFs, options.durable === true, written);
  } catch (err) {
    plan.problems.push(problemOf('manifest-not-saved', 'warning', msg('lint.manifestNotSaved', { path: plan.manifestFile, reason: describeFsErrorMsg(err) })));
  }
}

/**
 * Whether the rest of a folder export's writes (the post, changed files) may be staged while
 * the plan is checked: nothing it would replace without being allowed to. (The photos new in
 * the target were staged while they were found.)
 */
function stagesEarly(req: ExportRequest, draft: PlanDraft): boolean {
  return req.overwrite === true || conflictsOf(draft.plan).length === 0;
}

/** The plan, checked, with the folder export's copies staged meanwhile when they may be (see planWrites and stagesEarly). */
async function checkedPlan(req: ExportRequest, options: ExportOptions): Promise<{ plan: Plan; members: Plan[]; staged: StagedFolder | null }> {
  if (req.withTranslations || req.dryRun) return { ...(await plansOf(req, options)), staged: null };
  const draft = await planWrites(req, options, null, true);
  const { staged } = draft;
  try {
    if (staged !== null && stagesEarly(req, draft)) for (const e of draft.plan.entries) if (isWrite(e)) staged.add(e);
    const plan = await finishPlan(draft);
    return { plan, members: [plan], staged };
  } catch (err) {
    await staged?.discard();
    throw err;
  }
}

/**
 * Exports a recap: plans, checks, refuses on preflight errors (the report says why) or on
 * existing files that differ (ExportConflictError, code EXISTS, unless overwrite), then writes
 * atomically and reports the files added, changed, unchanged and removed.
 */
export async function exportRecap(req: ExportRequest, options: ExportOptions = {}): Promise<ExportReport> {
  const { plan, members, staged } = await checkedPlan(req, options);
  if (req.dryRun) return reportOf(plan, { dryRun: true, written: false, gitStatus: null, zip: null });
  if (hasErrors(plan.problems)) {
    await staged?.discard();
    return reportOf(plan, { dryRun: false, written: false, gitStatus: null, zip: null });
  }
  const conflicts = conflictsOf(plan);
  if (conflicts.length > 0 && !req.overwrite) {
    await staged?.discard();
    throw new ExportConflictError(conflicts, plan.zipFile ?? plan.root ?? 'The target');
  }
  const { written, zip } = await commit(plan, options, staged, async (stats) => {
    for (const member of members) await recordExport(member, options, stats);
  });
  let status: string | null = null;
  if (plan.target.kind === 'site' && options.git !== false && plan.root !== null) {
    const paths = [...plan.entries.map((e) => e.path), ...plan.removals.map((r) => r.path)];
    status = await gitStatus(options.git ?? 'git', plan.root, paths);
  }
  return reportOf(plan, { dryRun: false, written, gitStatus: status, zip });
}
