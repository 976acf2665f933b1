import { memo, useMemo } from 'react';
import type { Problem, SiteProfile } from '../../../electron/core/contract';
import { closingMark, editorYaml, linesBefore, readFrontMatter, splitRecap, withYaml } from '../../../electron/core/frontmatter/frontmatter';
import type { FrontMatterFormat } from '../../../electron/core/frontmatter/frontmatter';
import { validateFrontMatter } from '../../../electron/core/recap/lint';
import { tMsg, useLocale, useT } from '../../ui/locale';
import type { TextEdit } from '../useRecapDocument';
import { ExtraFields } from './ExtraFields';
import { KnownValues } from './knownValues';
import { ProfileField } from './ProfileField';
import { problemText } from '../../ui/problem-text';

interface FrontMatterFormProps {
  /** The front matter part of the file (delimiters included): the form re-renders only when it changes. */
  head: string;
  profile: SiteProfile;
  edit(change: TextEdit, group?: string): boolean;
  raw: boolean;
  onRawChange(raw: boolean): void;
  collapsed: boolean;
  onCollapsedChange(collapsed: boolean): void;
}

const NO_PROBLEMS: Problem[] = [];
const NO_SUGGESTIONS: NonNullable<NonNullable<SiteProfile['rules']>['suggested']> = [];
const NO_KNOWN: Readonly<Record<string, readonly string[]>> = {};

const FORMAT_NAMES: Record<FrontMatterFormat, string> = { yaml: 'YAML', toml: 'TOML', json: 'JSON' };

function RawYaml({ head, edit, problems, format }: { head: string; edit(change: TextEdit, group?: string): boolean; problems: { message: string; line: number; column: number }[]; format: FrontMatterFormat }) {
  const yaml = editorYaml(head);
  const t = useT();
  return (
    <div className="raw-yaml">
      <p className="field-help">{format === 'json' ? t('form.rawHelpJson', { object: '{ … }' }) : t('form.rawHelp', { mark: closingMark(format) })}</p>
      <textarea
        className="input raw-yaml-text"
        data-testid="raw-yaml"
        aria-label={t('form.rawLabel', { format: FORMAT_NAMES[format] })}
        value={yaml}
        spellCheck={false}
        rows={Math.min(Math.max(yaml.split('\n').length + 1, 8), 24)}
        onChange={(e) => {
          const value = e.target.value;
          edit((text) => withYaml(text, value), 'raw-front-matter');
        }}
      />
      {problems.length > 0 && (
        <div data-testid="yaml-error" role="alert">
          {problems.map((p, i) => (
            <p key={i} className="field-msg is-error">
              {t('form.lineColumn', { line: p.line, column: p.column, message: problemText(p) })}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}

/** The folded form: a rail that unfolds it, with a dot when the front matter has errors. */
function FormRail({ hasErrors, onExpand }: { hasErrors: boolean; onExpand(): void }) {
  const t = useT();
  return (
    <aside className="fm-panel is-collapsed" aria-label={t('form.frontMatter')}>
      <button type="button" className="fm-rail" onClick={onExpand} title={t('form.showFrontMatter')} aria-expanded={false}>
        <span className="fm-rail-icon" aria-hidden>
          »
        </span>
        <span className="fm-rail-label">{t('form.frontMatter')}</span>
        {hasErrors && <span className="fm-rail-dot" aria-label={t('form.hasProblems')} />}
      </button>
    </aside>
  );
}

interface FormHeaderProps {
  raw: boolean;
  unclosed: boolean;
  formatName: string;
  rawName: string;
  onRawChange(raw: boolean): void;
  onCollapse(): void;
}

function FormHeader({ raw, unclosed, formatName, rawName, onRawChange, onCollapse }: FormHeaderProps) {
  const t = useT();
  return (
    <header className="fm-header">
      <h2 className="fm-title">{t('form.frontMatter')}</h2>
      <div className="fm-tools">
        <button
          type="button"
          className={`toggle${raw ? ' is-on' : ''}`}
          data-testid="raw-yaml-toggle"
          aria-pressed={raw && !unclosed}
          disabled={unclosed}
          onClick={() => onRawChange(!raw)}
          title={raw ? t('form.backToForm') : t('form.editAs', { format: formatName })}
        >
          {rawName}
        </button>
        <button type="button" className="icon-button" onClick={onCollapse} title={t('form.hideFrontMatter')} aria-expanded>
          «
        </button>
      </div>
    </header>
  );
}

interface YamlErrorNoteProps {
  problem: { message: string; line: number; column: number };
  unclosed: boolean;
  format: FrontMatterFormat;
  rawName: string;
  onOpenRaw(): void;
}

/** Why the form is read-only: the front matter does not parse (or is not closed). */
function YamlErrorNote({ problem, unclosed, format, rawName, onOpenRaw }: YamlErrorNoteProps) {
  const t = useT();
  return (
    <div className="yaml-error" role="alert">
      <p data-testid="yaml-error">{t('form.lineColumn', { line: problem.line, column: problem.column, message: problemText(problem) })}</p>
      {unclosed ? (
        <p className="yaml-error-hint">{t('form.unclosedHint', { mark: closingMark(format) })}</p>
      ) : (
        <>
          <p className="yaml-error-hint">{t('form.brokenHint', { format: FORMAT_NAMES[format] })}</p>
          <button type="button" className="button button-small" onClick={onOpenRaw}>
            {t('form.fixIn', { raw: rawName })}
          </button>
        </>
      )}
    </div>
  );
}

/** The site's own rules for posts, folded under their summary. */
function RulesNote({ rules }: { rules: NonNullable<SiteProfile['rules']> }) {
  useLocale(); // said again when the interface's language changes
  const details = rules.detailsMsg ? rules.detailsMsg.map(tMsg) : rules.details;
  return (
    <details className="fm-rules" data-testid="rules-note">
      <summary>{rules.summaryMsg ? tMsg(rules.summaryMsg) : rules.summary}</summary>
      <ul>
        {details.map((d, i) => (
          <li key={i}>{d}</li>
        ))}
      </ul>
    </details>
  );
}

/** The front matter as a form built from the site profile, or as raw YAML; both edit the file in place. */
export const FrontMatterForm = memo(function FrontMatterForm({ head, profile, edit, raw, onRawChange, collapsed, onCollapsedChange }: FrontMatterFormProps) {
  const fm = useMemo(() => readFrontMatter(head), [head]);
  const validation = useMemo(() => validateFrontMatter(head, profile), [head, profile]);
  const parts = useMemo(() => splitRecap(head), [head]);
  const firstYamlLine = linesBefore(parts) + 1;

  const byField = useMemo(() => {
    const map = new Map<string, Problem[]>();
    for (const p of validation) {
      if (!p.field) continue;
      map.set(p.field, [...(map.get(p.field) ?? []), p]);
    }
    return map;
  }, [validation]);

  const profileKeys = useMemo(() => new Set(profile.fields.map((f) => f.key)), [profile]);
  const extras = useMemo(() => fm.fields.filter((f) => !profileKeys.has(f.key)), [fm, profileKeys]);
  const disabled = !fm.editable;
  const firstProblem = fm.problems[0];
  const formatName = FORMAT_NAMES[parts.format];
  const t = useT();
  const rawName = t('form.rawName', { format: formatName });

  if (collapsed) return <FormRail hasErrors={validation.some((p) => p.severity === 'error')} onExpand={() => onCollapsedChange(false)} />;

  return (
    <aside className="fm-panel" aria-label={t('form.frontMatter')}>
      <FormHeader raw={raw} unclosed={parts.unclosed} formatName={formatName} rawName={rawName} onRawChange={onRawChange} onCollapse={() => onCollapsedChange(true)} />
      <div className="fm-body">
        {raw && !parts.unclosed ? (
          <RawYaml head={head} edit={edit} problems={fm.problems} format={parts.format} />
        ) : (
          <>
            {firstProblem && <YamlErrorNote problem={firstProblem} unclosed={parts.unclosed} format={parts.format} rawName={rawName} onOpenRaw={() => onRawChange(true)} />}
            {profile.rules && <RulesNote rules={profile.rules} />}
            <KnownValues.Provider value={profile.rules?.known ?? NO_KNOWN}>
              <form className="fm-form" id="recap-form" onSubmit={(e) => e.preventDefault()} noValidate>
                {profile.fields.map((spec) => (
                  <ProfileField
                    key={spec.key}
                    spec={spec}
                    field={fm.fields.find((f) => f.key === spec.key)}
                    problems={byField.get(spec.key) ?? NO_PROBLEMS}
                    disabled={disabled}
                    edit={edit}
                    {...(spec.type === 'names' && profile.authorNames ? { names: profile.authorNames } : {})}
                  />
                ))}
              </form>
              <ExtraFields
                fields={extras}
                allFields={fm.fields}
                yaml={editorYaml(head)}
                firstLine={firstYamlLine}
                disabled={disabled}
                edit={edit}
                onOpenRaw={() => onRawChange(true)}
                rawName={rawName}
                suggested={profile.rules?.suggested ?? NO_SUGGESTIONS}
                problemsOf={byField}
              />
            </KnownValues.Provider>
          </>
        )}
      </div>
    </aside>
  );
});
