// Export: the recap and its photos laid out as the website expects, into a site checkout, a
// folder or a .zip. The plan (with the preflight checklist) is shown before anything is
// written; existing files that differ are replaced only after the author ticks the list.

import { useMemo, useState } from 'react';
import type { AppInfo, ExportReport, ExportRequest, Problem, RecapApi } from '../../electron/core/contract';
import { useT } from '../ui/locale';
import type { Translate } from '../ui/locale';
import { Modal } from '../ui/Modal';
import './export.css';
import { isAbsolute } from '../ui/paths';
import { WithTranslationsOption } from '../translation/WithTranslationsOption';
import { ExportDone } from './ExportDone';
import { ExportPlanView } from './ExportPlanView';
import type { PostNaming } from './ExportPlanView';
import { ExportKindPicker, ExportWhere } from './ExportTargetPicker';
import { useEnterToExport, useExportPlan } from './useExportPlan';
import { useExportTarget } from './useExportTarget';
import type { ExportTargetChoice } from './useExportTarget';

interface ExportDialogProps {
  api: RecapApi;
  info: AppInfo;
  /** The recap file the export reads photos beside (the linked file or the draft's). */
  recapPath: string;
  /** The site a draft was started for (its rules' site): the default target, as a post's own site is. */
  draftFor: string | null;
  text: string;
  /** Suggested zip name, e.g. `kcd-china.zip`. */
  zipName: string;
  onJump(problem: Problem): void;
  onClose(): void;
  /** An export was written (the recap may now be linked to the post it wrote). */
  onExported?(report: ExportReport, exportedText: string): void;
}

/** What a typed target still lacks, said before anything is asked of the service. */
function whereHint(t: Translate, where: ExportTargetChoice, info: AppInfo, zipName: string): string {
  const typed = where.typedPath;
  if (typed === '') return t('export.chooseWhere');
  if (!isAbsolute(typed)) {
    const start = info.homeDir.startsWith('/') ? '/' : t('export.driveLetter');
    return t('export.typeFullPath', { start, example: `${info.homeDir}/${where.kind === 'zip' ? zipName : 'recap-export'}` });
  }
  return t('export.zipExtension');
}

/** The Export button's words: what it will do, or why it cannot. */
function runLabel(t: Translate, exp: { running: boolean; plan: ExportReport | null; errors: Problem[]; changes: ExportReport['files'] }): string {
  if (exp.running) return t('export.exporting');
  if (exp.errors.length > 0) return t('export.fixErrors');
  return exp.plan && exp.changes.length === 0 ? t('export.upToDate') : t('export.export');
}

/** The post's naming; a section belongs to the site it was picked in (`siteDir`: the chosen site checkout), none elsewhere. */
function usePostNaming(siteDir: string | null): PostNaming {
  const [slug, setSlug] = useState<string | null>(null);
  const [lang, setLang] = useState<string | null>(null);
  const [picked, setPicked] = useState<{ dir: string; name: string } | null>(null);
  const section = picked !== null && picked.dir === siteDir ? picked.name : null;
  const setSection = (name: string | null): void => setPicked(name === null || siteDir === null ? null : { dir: siteDir, name });
  const [renaming, setRenaming] = useState<string | null>(null);
  return { slug, setSlug, lang, setLang, section, setSection, renaming, setRenaming };
}

export function ExportDialog({ api, info, recapPath, draftFor, text, zipName, onJump, onClose, onExported }: ExportDialogProps) {
  const t = useT();
  const [planError, setPlanError] = useState<string | null>(null);
  const where = useExportTarget(api, recapPath, draftFor, zipName, setPlanError);
  const [leaveOutUnused, setLeaveOutUnused] = useState(false);
  const [withTranslations, setWithTranslations] = useState(false);
  const { target, kind } = where;
  const naming = usePostNaming(target?.kind === 'site' ? target.dir : null);
  const { slug, lang, section } = naming;

  const request = useMemo(
    (): ExportRequest | null =>
      target ? { recapPath, text, target, leaveOutUnused, ...(slug !== null ? { slug } : {}), ...(section !== null ? { section } : {}), ...(withTranslations ? { withTranslations } : lang !== null ? { lang } : {}) } : null,
    [recapPath, text, target, leaveOutUnused, slug, section, lang, withTranslations],
  );
  const exp = useExportPlan(api, request, setPlanError, onExported);
  const onPathEnter = useEnterToExport(exp);
  const { plan, planning, errors } = exp;

  // The chosen site's language folders (content/en, content/zh…): the post may go to either.
  const languages = kind === 'site' ? (where.sites?.find((s) => s.root === where.siteRoot)?.languages ?? []) : [];

  if (exp.done) return <ExportDone done={exp.done} onClose={onClose} />;

  return (
    <Modal title={t('export.title')} onCancel={onClose} className="modal-export">
      <ExportKindPicker kind={kind} choose={where.choose} />
      <ExportWhere info={info} zipName={zipName} where={where} onSiteChange={() => naming.setLang(null)} onPathEnter={onPathEnter} />
      <WithTranslationsOption api={api} recapPath={recapPath} checked={withTranslations} onChange={setWithTranslations} />

      <div className="export-plan" data-testid="export-plan" aria-live="polite">
        {planError && (
          <p className="export-error" role="alert" data-testid="export-error">
            {planError}
          </p>
        )}
        {!target && !planError && <p className="export-hint" data-testid="export-where-hint">{whereHint(t, where, info, zipName)}</p>}
        {planning && <p className="export-hint">{t('export.checking')}</p>}
        {plan && !planning && (
          <ExportPlanView
            plan={plan}
            errors={errors}
            warnings={exp.warnings}
            conflicts={exp.conflicts}
            replace={exp.replace}
            setReplace={exp.setReplace}
            leaveOutUnused={leaveOutUnused}
            setLeaveOutUnused={setLeaveOutUnused}
            languages={languages}
            naming={naming}
            onJump={onJump}
          />
        )}
      </div>

      <div className="modal-actions">
        <button type="button" className="button" data-testid="export-cancel" onClick={onClose}>
          {t('export.cancel')}
        </button>
        <button type="button" className="button button-primary" data-testid="export-run" disabled={!exp.canExport} onClick={() => void exp.run()}>
          {runLabel(t, exp)}
        </button>
      </div>
    </Modal>
  );
}

export default ExportDialog;
