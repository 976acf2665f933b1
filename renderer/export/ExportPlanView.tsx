// The plan shown before anything is written: the preflight checks (each jumps to its place),
// the unused photos to leave out, the post's name and language, the files, and the tick that
// allows replacing existing files that differ.

import type { ExportReport, Problem } from '../../electron/core/contract';
import { rich } from '../ui/rich';
import { useT } from '../ui/locale';
import type { Translate } from '../ui/locale';
import { STATUS_LABEL } from './labels';
import { problemText } from '../ui/problem-text';

/** The post's name and language, chosen on purpose by the author (null: the plan's own). */
export interface PostNaming {
  /** A new name for the post: the export then moves it (the old file goes). */
  slug: string | null;
  setSlug(slug: string): void;
  /** A language folder chosen for the post (sites with several); null: the recap's own. */
  lang: string | null;
  setLang(lang: string | null): void;
  /** A section chosen for the post (sites that keep posts in several folders); null: the plan's own. */
  section: string | null;
  setSection(section: string | null): void;
  /** The name being typed in the rename box; null while it is closed. */
  renaming: string | null;
  setRenaming(name: string | null): void;
}

interface PlanViewProps {
  plan: ExportReport;
  errors: Problem[];
  warnings: Problem[];
  conflicts: string[];
  replace: boolean;
  setReplace(replace: boolean): void;
  leaveOutUnused: boolean;
  setLeaveOutUnused(leaveOut: boolean): void;
  /** The chosen site's language folders (content/en, content/zh…): the post may go to either. */
  languages: string[];
  naming: PostNaming;
  onJump(problem: Problem): void;
}

/** The first few names of a list, "…" when there are more. */
function firstNames(names: string[]): string {
  return `${names.slice(0, 3).join(', ')}${names.length > 3 ? '…' : ''}`;
}

function ExportChecks({ plan, errors, warnings, onJump }: Pick<PlanViewProps, 'plan' | 'errors' | 'warnings' | 'onJump'>) {
  const t = useT();
  if (plan.problems.length === 0) {
    return (
      <p className="export-ok" data-testid="export-checks-ok">
        {t('export.checksOk')}
      </p>
    );
  }
  return (
    <ul className="export-checks" data-testid="export-checks">
      {[...errors, ...warnings].map((p, i) => (
        <li key={`${p.code}-${i}`} className={`is-${p.severity}`}>
          <button type="button" className="export-check" onClick={() => onJump(p)} title={p.line ? t('export.goToLine', { line: p.line }) : t('export.goToField')}>
            <span className="export-severity">{p.severity === 'error' ? t('export.error') : t('export.warning')}</span>
            <span className="export-message">{problemText(p)}</span>
            {p.line !== undefined && <span className="export-line">{t('export.line', { line: p.line })}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}

function postWhy(t: Translate, plan: ExportReport, renamed: boolean): string {
  if (plan.postFrom === 'own') return ` — ${t('export.postOwn')}`;
  if (plan.postFrom === 'pinned') return ` — ${t('export.postPinned')}`;
  if (plan.postFrom === 'place' && !renamed) return ` — ${t('export.postPlace')}`;
  return ` — ${renamed ? t('export.postRenamed') : plan.postFrom === 'slugField' ? t('export.postNewSlug') : t('export.postNew')}`;
}

/** The post the export writes, and (unless it is the recap's own file) a box to rename it. */
function PostName({ plan, naming }: { plan: ExportReport; naming: PostNaming }) {
  const t = useT();
  const { renaming, setRenaming } = naming;
  return (
    <div className="export-post" data-testid="export-post">
      <span>
        {rich(t, 'export.post', { post: <code>{plan.post}</code> })}
        <span className="export-post-why">{postWhy(t, plan, naming.slug !== null)}</span>
      </span>
      {plan.postFrom !== 'own' &&
        (renaming === null ? (
          <button type="button" className="link-button" data-testid="export-rename" onClick={() => setRenaming(plan.slug)}>
            {t('export.renameOpen')}
          </button>
        ) : (
          <form
            className="export-rename"
            onSubmit={(e) => {
              e.preventDefault();
              const next = renaming.trim();
              if (next !== '') naming.setSlug(next);
              setRenaming(null);
            }}
          >
            <input className="export-input" data-testid="export-slug" aria-label={t('export.slugLabel')} value={renaming} onChange={(e) => setRenaming(e.target.value)} autoFocus />
            <button type="submit" className="button" data-testid="export-slug-ok">
              {t('export.rename')}
            </button>
          </form>
        ))}
    </div>
  );
}

function PostLanguage({ plan, languages, naming }: { plan: ExportReport; languages: string[]; naming: PostNaming }) {
  const t = useT();
  return (
    <label className="export-option">
      {t('export.postLanguage')}{' '}
      <select className="export-input export-lang" data-testid="export-lang" value={naming.lang ?? plan.lang} onChange={(e) => naming.setLang(e.target.value)}>
        {languages.map((l) => (
          <option key={l} value={l}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The site's folders for posts (Hugo sections, Jekyll category folders): the post may go to any. */
function PostSection({ plan, naming }: { plan: ExportReport; naming: PostNaming }) {
  const t = useT();
  const places = plan.places ?? [];
  const value = naming.section ?? plan.section ?? '';
  return (
    <label className="export-option">
      {t('export.postSection')}{' '}
      <select className="export-input export-section" data-testid="export-section" value={value} onChange={(e) => naming.setSection(e.target.value)}>
        {value === '' && (
          <option value="" disabled>
            {t('export.sectionElsewhere')}
          </option>
        )}
        {places.map((p) => (
          <option key={p.name} value={p.name}>
            {p.folder === `${p.name}/` ? p.folder : `${p.name} — ${p.folder}`}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The files the export writes, the ones it would replace marked, and the tick that allows it. */
function PlanFiles({ plan, conflicts, replace, setReplace }: Pick<PlanViewProps, 'plan' | 'conflicts' | 'replace' | 'setReplace'>) {
  const t = useT();
  const place = plan.places !== undefined && plan.places.length > 1 ? plan.places.find((p) => p.name === plan.section) : undefined;
  // Where the post goes: the place picked above, else its own path's folder; nothing while it has no path yet.
  const folder = place?.folder ?? (plan.post?.includes('/') ? plan.post.slice(0, plan.post.lastIndexOf('/') + 1) : null);
  return (
    <>
      <h3 className="export-heading" data-testid="export-files-heading">
        {t('export.files')}
        {/* Paths keep their case. */}
        {folder !== null && (
          <>
            {' '}
            <span className="export-heading-detail" data-testid="export-files-layout">
              · {t('export.filesIn', { folder })}
            </span>
          </>
        )}
      </h3>
      {/* No post path yet (a site that names posts by a date the recap does not have): no empty list. */}
      {plan.files.length === 0 ? (
        <p className="export-files-pending" data-testid="export-files-pending">
          {t('export.filesPending')}
        </p>
      ) : (
        <ul className="export-files" data-testid="export-files">
          {plan.files.map((f) => (
            <li key={f.path} className={`is-${f.status}${conflicts.includes(f.path) ? ' is-conflict' : ''}`}>
              <span className="export-status">{t(conflicts.includes(f.path) ? 'export.statusReplaces' : STATUS_LABEL[f.status])}</span> <code>{f.path}</code>
            </li>
          ))}
        </ul>
      )}
      {conflicts.length > 0 && (
        <label className="export-option is-danger">
          <input type="checkbox" checked={replace} data-testid="export-replace" onChange={(e) => setReplace(e.target.checked)} />
          {t('export.replaceConflicts', { count: conflicts.length, names: firstNames(conflicts) })}
        </label>
      )}
    </>
  );
}

export function ExportPlanView(props: PlanViewProps) {
  const t = useT();
  const { plan, leaveOutUnused, setLeaveOutUnused, languages, naming } = props;
  return (
    <>
      <h3 className="export-heading">{t('export.checks')}</h3>
      <ExportChecks {...props} />
      {plan.unused.length > 0 && (
        <label className="export-option">
          <input type="checkbox" checked={leaveOutUnused} data-testid="export-leave-out" onChange={(e) => setLeaveOutUnused(e.target.checked)} />
          {t('export.leaveOut', { count: plan.unused.length, names: firstNames(plan.unused) })}
        </label>
      )}
      {plan.post && <PostName plan={plan} naming={naming} />}
      {plan.places && plan.places.length > 1 && plan.postFrom !== 'own' && <PostSection plan={plan} naming={naming} />}
      {languages.length > 1 && <PostLanguage plan={plan} languages={languages} naming={naming} />}
      <PlanFiles {...props} />
    </>
  );
}
