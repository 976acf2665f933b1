import { memo, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { FieldSpec, Problem } from '../../../electron/core/contract';
import type { FieldValue, FrontMatterField } from '../../../electron/core/frontmatter/frontmatter';
import { listFromValue, listToValue } from '../../../electron/core/frontmatter/frontmatter';
import { entryName, hasMapEntries } from '../../../electron/core/frontmatter/values';
import { useLocale, useT } from '../../ui/locale';
import { profileText } from '../../ui/profile-text';
import type { Translate } from '../../ui/locale';
import type { TextEdit } from '../useRecapDocument';
import { DateField } from './DateField';
import { TagInput } from './TagInput';
import { KnownValues } from './knownValues';
import { problemText } from '../../ui/problem-text';
import { textFieldSetter } from './textSetter';
import { authorName } from '../../ui/author-names';

interface ProfileFieldProps {
  spec: FieldSpec;
  field: FrontMatterField | undefined;
  problems: Problem[];
  disabled: boolean;
  edit(change: TextEdit, group?: string): boolean;
  /** Docusaurus' authors.yml: the name each author key is shown by (the file keeps the key). */
  names?: Readonly<Record<string, string>>;
}

export function fieldInputId(key: string): string {
  return `fm-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

const TIMED = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:/;

function isScalar(value: FieldValue | undefined): value is string | number | boolean | null | undefined {
  return value === undefined || value === null || typeof value !== 'object';
}

function scalarText(value: FieldValue | undefined): string {
  return value === undefined || value === null ? '' : String(value);
}

interface ControlProps {
  spec: FieldSpec;
  value: FieldValue | undefined;
  id: string;
  testId: string;
  msgId: string;
  invalid: boolean;
  disabled: boolean;
  setValue(next: FieldValue): void;
  t: Translate;
  names: Readonly<Record<string, string>> | undefined;
  /** A list field's text typed but not yet added. */
  setPending(text: string): void;
}

/** A one-line input, or a textarea for the profile's long texts. */
function TextControl({ c, text, multiline }: { c: ControlProps; text: string; multiline: boolean }) {
  const common = {
    id: c.id,
    'data-testid': c.testId,
    className: 'input',
    value: text,
    disabled: c.disabled,
    'aria-invalid': c.invalid || undefined,
    'aria-describedby': c.msgId,
    spellCheck: true,
  };
  return multiline ? (
    <textarea {...common} rows={3} onChange={(e) => c.setValue(e.target.value)} />
  ) : (
    <input {...common} type="text" onChange={(e) => c.setValue(e.target.value)} />
  );
}

/** A list of words (tags or names): the file keeps its own format, a comma string or a YAML list. */
function ListControl({ c }: { c: ControlProps }) {
  const { spec, value, t } = c;
  const known = useContext(KnownValues)[spec.key];
  // A Docusaurus blog's authors: the ones its posts name first, then the rest of its authors.yml.
  const offered = useMemo(() => {
    const more = Object.keys(c.names ?? {}).filter((k) => !known?.includes(k));
    return more.length > 0 ? [...(known ?? []), ...more] : known;
  }, [known, c.names]);
  return (
    <TagInput
      suggestions={offered}
      id={c.id}
      testId={c.testId}
      items={listFromValue(value, spec.separator)}
      labels={c.names}
      disabled={c.disabled}
      invalid={c.invalid}
      describedBy={c.msgId}
      onPendingChange={c.setPending}
      noun={spec.type === 'names' ? t('form.nounName') : t('form.nounKeyword')}
      placeholder={spec.type === 'names' ? t('form.addName') : t('form.addKeyword')}
      onChange={(next) => {
        if (next.length === 0 && value === undefined) return;
        // The file keeps its own format: a comma string stays one, a YAML list stays a list.
        c.setValue(listToValue(next, value, 'string', spec.separator));
      }}
    />
  );
}

/**
 * Names written with their details (Docusaurus inline authors, `{name: Ann, title: …}`), maybe beside
 * authors.yml keys: shown by name, read-only, so no edit in the form turns a map into a bare name.
 */
function NamedEntries({ c }: { c: ControlProps }) {
  return (
    <div className="tag-input is-disabled" data-testid={c.testId} aria-describedby={`${c.msgId} ${c.id}-inline`}>
      {listFromValue(c.value).map((name, i) => (
        <span className="chip" key={`${i}:${name}`}>
          <span className="chip-label" title={authorName(c.names, name) !== name ? name : undefined}>
            {authorName(c.names, name)}
          </span>
        </span>
      ))}
      <p id={`${c.id}-inline`} className="field-help">
        {c.t('form.inlineEntries')}
      </p>
    </div>
  );
}

/** The input for the field's type, and the length of its text when a counter applies. */
function fieldControl(c: ControlProps): { control: ReactNode; length: number | null } {
  const { spec, value, t } = c;
  const entries = Array.isArray(value) ? value : [value ?? null];
  if (spec.type === 'names' && hasMapEntries(value) && entries.every((v) => entryName(v) !== null)) {
    return { control: <NamedEntries c={c} />, length: null };
  }
  const listLike = spec.type === 'tags' || spec.type === 'names';
  const unfit = listLike ? !isScalar(value) && !(Array.isArray(value) && value.every(isScalar)) : !isScalar(value);
  if (unfit) {
    // A list or a map where the schema wants text: show it, let raw YAML fix it.
    const control = (
      <div className="field-readonly">
        <code>{JSON.stringify(value)}</code>
        <span> {listLike ? t('form.notList') : t('form.notText')}</span>
      </div>
    );
    return { control, length: null };
  }
  // A date with its time (Hugo's 2019-02-27T11:58:38Z, Jekyll's 2015-01-20 19:23:12 -0800) is edited as written.
  if (spec.type === 'string' || spec.type === 'text' || (spec.type === 'date' && TIMED.test(scalarText(value).trim()))) {
    const text = scalarText(value);
    return { control: <TextControl c={c} text={text} multiline={spec.type === 'text'} />, length: [...text].length };
  }
  if (spec.type === 'date') {
    return { control: <DateField id={c.id} testId={c.testId} value={scalarText(value)} disabled={c.disabled} invalid={c.invalid} describedBy={c.msgId} onChange={c.setValue} />, length: null };
  }
  return { control: <ListControl c={c} />, length: null };
}

/** One input of the site profile's schema; it writes only its own line(s) of the file. */
export const ProfileField = memo(function ProfileField({ spec, field, problems, disabled, edit, names }: ProfileFieldProps) {
  const id = fieldInputId(spec.key);
  const testId = `field-${spec.key}`;
  const msgId = `${id}-msg`;
  const value = field?.value;
  // A name or keyword typed but not yet added: the field is not empty to the author, so it does not
  // say "required" while they type; it says how to add what they typed (lint still counts it until then).
  const [pending, setPending] = useState('');
  const shown = pending === '' ? problems : problems.filter((p) => p.code !== 'required');
  const invalid = shown.some((p) => p.severity === 'error');
  const t = useT();
  const locale = useLocale();
  const setText = useMemo(() => textFieldSetter(spec.key), [spec.key]);
  const setValue = (next: FieldValue): void => {
    edit((text) => setText(text, next), `field:${spec.key}`);
  };

  const { control, length } = fieldControl({ spec, value, id, testId, msgId, invalid, disabled, setValue, t, names, setPending });

  const over = spec.warnAbove !== undefined && length !== null && length > spec.warnAbove;
  return (
    <div className={`field is-${spec.type}`} data-field={spec.key}>
      <div className="field-head">
        <label htmlFor={id} className="field-label">
          {profileText(locale, spec.label)}
          {spec.required && (
            <>
              <span className="field-required" aria-hidden title={t('form.required')}>
                *
              </span>
              {/* What a screen reader says after the label: "Title (required)". */}
              <span className="visually-hidden"> {t('form.requiredSuffix')}</span>
            </>
          )}
        </label>
        {spec.warnAbove !== undefined && length !== null && (
          <span className={`field-counter${over ? ' is-over' : ''}`} aria-live="polite">
            {length} / {spec.warnAbove}
          </span>
        )}
      </div>
      {control}
      <div id={msgId}>
        {shown.map((p, i) => (
          <p key={i} className={`field-msg is-${p.severity}`}>
            {problemText(p)}
          </p>
        ))}
        {pending !== '' && (
          <p className="field-help" data-testid={`${testId}-pending`}>
            {t('form.pendingItem', { item: pending })}
          </p>
        )}
        {shown.length === 0 && pending === '' && (spec.helpMsg || spec.help) && <p className="field-help">{spec.helpMsg ? t(spec.helpMsg.key, spec.helpMsg.params) : profileText(locale, spec.help ?? '')}</p>}
      </div>
    </div>
  );
});
