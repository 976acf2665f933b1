// The plan shown before anything is written: the preflight checks (each jumps to its place),
// the unused photos to leave out, the post's name and language, the files, and the tick that
// allows replacing existing files that differ.

import type { ExportReport, Problem } from '../../electron/core/contract';
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

function ExportChecks({ plan, errors, warnings, onJump }: Pick<PlanViewProps, 'plan' | 'errors' | 'warnings' | 'onJump'>) {
  if (plan.problems.length === 0) {
    return (
      <p className="export-ok" data-testid="export-checks-ok">
        ✓ Front matter, images, alt text and layout look right.
      </p>
    );
  }
  return (
    <ul className="export-checks" data-testid="export-checks">
      {[...errors, ...warnings].map((p, i) => (
        <li key={`${p.code}-${i}`} className={`is-${p.severity}`}>
          <button type="button" className="export-check" onClick={() => onJump(p)} title={p.line ? `Go to line ${p.line}` : 'Go to the field'}>
            <span className="export-severity">{p.severity === 'error' ? 'Error' : 'Warning'}</span>
            <span className="export-message">{problemText(p)}</span>
            {p.line !== undefined && <span className="export-line">line {p.line}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}

function postWhy(plan: ExportReport, renamed: boolean): string {
  if (plan.postFrom === 'own') return ' — its own file in this site';
  if (plan.postFrom === 'pinned') return ' — where this recap’s last export put it';
  return renamed ? ' — renamed' : ' — a new post, named after the title';
}

/** The post the export writes, and (unless it is the recap's own file) a box to rename it. */
function PostName({ plan, naming }: { plan: ExportReport; naming: PostNaming }) {
  const { renaming, setRenaming } = naming;
  return (
    <div className="export-post" data-testid="export-post">
      <span>
        Post <code>{plan.post}</code>
        <span className="export-post-why">{postWhy(plan, naming.slug !== null)}</span>
      </span>
      {plan.postFrom !== 'own' &&
        (renaming === null ? (
          <button type="button" className="link-button" data-testid="export-rename" onClick={() => setRenaming(plan.slug)}>
            Rename…
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
            <input className="export-input" data-testid="export-slug" aria-label="The post's name (slug)" value={renaming} onChange={(e) => setRenaming(e.target.value)} autoFocus />
            <button type="submit" className="button" data-testid="export-slug-ok">
              Rename
            </button>
          </form>
        ))}
    </div>
  );
}

function PostLanguage({ plan, languages, naming }: { plan: ExportReport; languages: string[]; naming: PostNaming }) {
  return (
    <label className="export-option">
      Language of the post{' '}
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

/** The files the export writes, the ones it would replace marked, and the tick that allows it. */
function PlanFiles({ plan, conflicts, replace, setReplace }: Pick<PlanViewProps, 'plan' | 'conflicts' | 'replace' | 'setReplace'>) {
  return (
    <>
      <h3 className="export-heading">Files ({plan.profile} layout)</h3>
      <ul className="export-files" data-testid="export-files">
        {plan.files.map((f) => (
          <li key={f.path} className={`is-${f.status}${conflicts.includes(f.path) ? ' is-conflict' : ''}`}>
            <span className="export-status">{conflicts.includes(f.path) ? 'replaces' : STATUS_LABEL[f.status]}</span> <code>{f.path}</code>
          </li>
        ))}
      </ul>
      {conflicts.length > 0 && (
        <label className="export-option is-danger">
          <input type="checkbox" checked={replace} data-testid="export-replace" onChange={(e) => setReplace(e.target.checked)} />
          Replace the {conflicts.length} existing {conflicts.length === 1 ? 'file' : 'files'} that differ ({conflicts.slice(0, 3).join(', ')}
          {conflicts.length > 3 ? '…' : ''})
        </label>
      )}
    </>
  );
}

export function ExportPlanView(props: PlanViewProps) {
  const { plan, leaveOutUnused, setLeaveOutUnused, languages, naming } = props;
  return (
    <>
      <h3 className="export-heading">Checks</h3>
      <ExportChecks {...props} />
      {plan.unused.length > 0 && (
        <label className="export-option">
          <input type="checkbox" checked={leaveOutUnused} data-testid="export-leave-out" onChange={(e) => setLeaveOutUnused(e.target.checked)} />
          Leave out the {plan.unused.length} {plan.unused.length === 1 ? 'photo' : 'photos'} the text does not use ({plan.unused.slice(0, 3).join(', ')}
          {plan.unused.length > 3 ? '…' : ''})
        </label>
      )}
      {plan.post && <PostName plan={plan} naming={naming} />}
      {languages.length > 1 && <PostLanguage plan={plan} languages={languages} naming={naming} />}
      <PlanFiles {...props} />
    </>
  );
}
