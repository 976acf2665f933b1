import { memo, useContext, useMemo, useRef, useState } from 'react';
import type { Problem, RulesInfo } from '../../../electron/core/contract';
import type { FieldValue, FrontMatterField } from '../../../electron/core/frontmatter/frontmatter';
import { listFromValue, listToValue, removeField, renameField, setField } from '../../../electron/core/frontmatter/frontmatter';
import { parseBoolean, parseNumber } from '../../../electron/core/frontmatter/field-types';
import { useT } from '../../ui/locale';
import { problemText } from '../../ui/problem-text';
import { TagInput } from './TagInput';
import { KnownValues } from './knownValues';
import { textFieldSetter } from './textSetter';
import type { TextEdit } from '../useRecapDocument';

interface ExtraFieldsProps {
  /** Fields the site profile does not describe, in file order. */
  fields: FrontMatterField[];
  /** The YAML of the front matter (`\n` line endings), to show nested values as written. */
  yaml: string;
  /** Line of the file on which the YAML starts. */
  firstLine: number;
  /** Every field of the front matter, profile ones included: for names in use and where a nested value ends. */
  allFields: FrontMatterField[];
  disabled: boolean;
  edit(change: TextEdit, group?: string): boolean;
  onOpenRaw(): void;
  /** "Raw YAML", "Raw TOML" or "Raw JSON": where lists and nested values are edited as text. */
  rawName: string;
  /** Fields most posts of the site have (and the kind of value they hold), offered when this one lacks them. */
  suggested: NonNullable<RulesInfo['suggested']>;
  /** The findings on each field (lint's), shown under its row: Hugo's `url: https://…`, a Docusaurus post's `keywords: "a, b"`. */
  problemsOf: ReadonlyMap<string, Problem[]>;
}

const NO_PROBLEMS: Problem[] = [];

/** What marks a value's input as wrong and names the message that says why. */
interface Marked {
  invalid?: boolean;
  describedBy?: string;
}

/** The empty value of a kind: a new boolean field starts false, a list empty. */
function emptyOf(kind: NonNullable<RulesInfo['suggested']>[number]['kind']): FieldValue {
  return kind === 'boolean' ? false : kind === 'number' ? 0 : kind === 'list' ? [] : '';
}

type Scalar = string | number | boolean | null;

/** What a typed value means when the field is not text: `draft: true` must stay a boolean for Hugo. */
function inferScalar(text: string): Scalar {
  if (text.trim() === '') return null;
  return parseBoolean(text) ?? parseNumber(text) ?? text;
}

function isScalar(value: FieldValue): value is Scalar {
  return value === null || typeof value !== 'object';
}

function isScalarList(value: FieldValue): value is Scalar[] {
  return Array.isArray(value) && value.every((v) => isScalar(v));
}

/** A map whose values are all scalars or lists of scalars: each gets its own typed input (cover.image). */
function isMapOfValues(value: FieldValue): value is { [key: string]: FieldValue } {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => isScalar(v) || isScalarList(v));
}

/** A number input that keeps what is typed (e.g. "1." on the way to "1.5") and writes numbers only. */
function NumberValue({ label, testId, value, disabled, onChange, invalid, describedBy }: { label: string; testId: string; value: number; disabled: boolean; onChange(n: number): void } & Marked) {
  const [draft, setDraft] = useState(String(value));
  const shown = parseNumber(draft) === value ? draft : String(value);
  return (
    <input
      type="number"
      className="input extra-value"
      aria-label={label}
      data-testid={testId}
      value={shown}
      step="any"
      disabled={disabled}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      onChange={(e) => {
        setDraft(e.target.value);
        const n = parseNumber(e.target.value);
        if (n !== null) onChange(n);
      }}
    />
  );
}

/**
 * One value with the input its type needs: a switch for a boolean, a number input for a
 * number, tags for a list, text otherwise. `path` may be dotted (`cover.image`): the edit
 * changes that key of the map only.
 */
function TypedValue({ path, value, textKind, disabled, edit, invalid, describedBy }: { path: string; value: FieldValue; textKind: boolean; disabled: boolean; edit(change: TextEdit, group?: string): boolean } & Marked) {
  const t = useT();
  const label = t('form.valueOf', { path });
  const testId = `value-${path}`;
  const setText = useMemo(() => textFieldSetter(path), [path]);
  const known = useContext(KnownValues)[path];
  const set = (next: FieldValue): void => {
    edit((text) => setText(text, next), `field:${path}`);
  };
  if (typeof value === 'boolean') {
    return (
      <label className="switch">
        <input type="checkbox" role="switch" aria-label={label} data-testid={testId} checked={value} disabled={disabled} aria-invalid={invalid || undefined} aria-describedby={describedBy} onChange={(e) => set(e.target.checked)} />
        <span className="switch-text">{value ? 'true' : 'false'}</span>
      </label>
    );
  }
  if (typeof value === 'number') return <NumberValue label={label} testId={testId} value={value} disabled={disabled} onChange={set} invalid={invalid} describedBy={describedBy} />;
  if (isScalarList(value)) {
    return (
      <TagInput
        suggestions={known}
        id={`extra-${path.replace(/[^A-Za-z0-9_-]/g, '_')}`}
        testId={testId}
        items={listFromValue(value)}
        noun={t('form.nounItem')}
        placeholder={t('form.addItem')}
        disabled={disabled}
        invalid={invalid}
        describedBy={describedBy}
        onChange={(next) => set(listToValue(next, value, 'list'))}
      />
    );
  }
  return (
    <input
      className="input extra-value"
      aria-label={label}
      data-testid={testId}
      value={value === null ? '' : String(value)}
      disabled={disabled}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      onChange={(e) => {
        const v = e.target.value;
        set(textKind ? v : inferScalar(v));
      }}
    />
  );
}

function ExtraFieldRow({ field, source, rawName, disabled, edit, onOpenRaw, problems }: { field: FrontMatterField; source: string; rawName: string; disabled: boolean; edit(change: TextEdit, group?: string): boolean; onOpenRaw(): void; problems: Problem[] }) {
  const [keyDraft, setKeyDraft] = useState(field.key);
  // Remember what kind of value the row started with, so clearing a number does not turn it into text.
  const textKind = useRef(typeof field.value === 'string');
  const scalar = isScalar(field.value);
  const t = useT();
  const msgId = `extra-${field.key.replace(/[^A-Za-z0-9_-]/g, '_')}-msg`;
  const marked: Marked = problems.length > 0 ? { invalid: problems.some((p) => p.severity === 'error'), describedBy: msgId } : {};

  const commitKey = (): void => {
    const to = keyDraft.trim();
    if (to === field.key) {
      setKeyDraft(field.key);
      return;
    }
    if (!edit((text) => renameField(text, field.key, to))) setKeyDraft(field.key);
  };

  return (
    <div className="extra-row" data-field-key={field.key}>
      <input
        className="input extra-key"
        aria-label={t('form.fieldName', { key: field.key })}
        value={keyDraft}
        disabled={disabled}
        spellCheck={false}
        onChange={(e) => setKeyDraft(e.target.value)}
        onBlur={commitKey}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commitKey();
          } else if (e.key === 'Escape') {
            setKeyDraft(field.key);
          }
        }}
      />
      {scalar || isScalarList(field.value) ? (
        <TypedValue path={field.key} value={field.value} textKind={textKind.current} disabled={disabled} edit={edit} {...marked} />
      ) : isMapOfValues(field.value) ? (
        <div className="extra-nested" data-testid={`extra-map-${field.key}`}>
          {Object.entries(field.value).map(([k, v]) => (
            <label key={k} className="extra-sub" data-sub-key={k}>
              <span className="extra-sub-key">{k}</span>
              <TypedValue path={`${field.key}.${k}`} value={v} textKind={typeof v === 'string'} disabled={disabled} edit={edit} />
            </label>
          ))}
        </div>
      ) : (
        <div className="extra-nested">
          <pre className="extra-yaml">{source}</pre>
          <button type="button" className="link-button" onClick={onOpenRaw}>
            {t('form.editNested', { raw: rawName })}
          </button>
        </div>
      )}
      <button
        type="button"
        className="icon-button extra-remove"
        aria-label={t('form.removeField', { key: field.key })}
        title={t('form.removeFieldTitle', { key: field.key })}
        disabled={disabled}
        onClick={() => edit((text) => removeField(text, field.key))}
      >
        ×
      </button>
      {problems.length > 0 && (
        <div id={msgId} className="extra-msg" data-testid={`extra-msg-${field.key}`}>
          {problems.map((p, i) => (
            <p key={i} className={`field-msg is-${p.severity}`}>
              {problemText(p)}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}

/** Fields the site's other posts have and this one lacks: one click adds each. */
function SuggestedFields({ suggested, allFields, edit }: Pick<ExtraFieldsProps, 'suggested' | 'allFields' | 'edit'>) {
  const t = useT();
  if (!suggested.some((f) => !allFields.some((a) => a.key === f.key))) return null;
  return (
    <p className="extra-suggested" data-testid="suggested-fields">
      {t('form.otherPostsHave')}{' '}
      {suggested
        .filter((f) => !allFields.some((a) => a.key === f.key))
        .map((f) => (
          <button key={f.key} type="button" className="link-button" title={t('form.addSuggested', { key: f.key })} onClick={() => edit((text) => setField(text, f.key, emptyOf(f.kind)))}>
            + {f.key}
          </button>
        ))}
    </p>
  );
}

/** The row that adds a field: a name and a value (typed as YAML would read it). */
function AddField({ allFields, disabled, edit }: Pick<ExtraFieldsProps, 'allFields' | 'disabled' | 'edit'>) {
  const [newKey, setNewKey] = useState('');
  const [newValue, setNewValue] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  const keyInput = useRef<HTMLInputElement>(null);
  const t = useT();

  const add = (): void => {
    const key = newKey.trim();
    if (key === '') {
      setAddError(t('form.nameNeeded'));
      return;
    }
    if (key.includes(':') || key.startsWith('#')) {
      setAddError(t('form.badName'));
      return;
    }
    if (allFields.some((f) => f.key === key)) {
      setAddError(t('form.exists', { key }));
      return;
    }
    if (edit((text) => setField(text, key, inferScalar(newValue) ?? ''))) {
      setNewKey('');
      setNewValue('');
      setAddError(null);
      keyInput.current?.focus();
    }
  };

  return (
    <>
      {!disabled && (
        <div className="extra-row extra-add">
          <input
            ref={keyInput}
            className="input extra-key"
            data-testid="add-field-key"
            placeholder={t('form.newField')}
            aria-label={t('form.newFieldName')}
            value={newKey}
            spellCheck={false}
            onChange={(e) => {
              setNewKey(e.target.value);
              setAddError(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
          <input
            className="input extra-value"
            data-testid="add-field-value"
            placeholder={t('form.value')}
            aria-label={t('form.newFieldValue')}
            value={newValue}
            onChange={(e) => setNewValue(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
          <button type="button" className="button button-small" data-testid="add-field-button" onClick={add} title={t('form.addTitle')}>
            {t('form.add')}
          </button>
        </div>
      )}
      {addError && <p className="field-msg is-error">{addError}</p>}
    </>
  );
}

/** Fields outside the profile (`tag`, `image`, …): they survive, and can be renamed, edited, removed and added. */
export const ExtraFields = memo(function ExtraFields({ fields, yaml, firstLine, allFields, disabled, edit, onOpenRaw, rawName, suggested, problemsOf }: ExtraFieldsProps) {
  const yamlLines = yaml.split('\n');
  const t = useT();

  const sourceOf = (field: FrontMatterField): string => {
    const next = allFields.map((f) => f.line).filter((l) => l > field.line).sort((a, b) => a - b)[0];
    const from = field.line - firstLine;
    const to = next === undefined ? yamlLines.length : next - firstLine;
    return yamlLines.slice(from, to).join('\n').replace(/\s+$/, '');
  };

  return (
    <section className="extra-fields" data-testid="extra-fields" aria-label={t('form.otherLabel')}>
      <h3 className="form-subtitle">{t('form.otherTitle')}</h3>
      {fields.length === 0 && <p className="field-help">{t('form.otherEmpty')}</p>}
      {fields.map((f) => (
        <ExtraFieldRow key={f.key} field={f} source={isScalar(f.value) ? '' : sourceOf(f)} rawName={rawName} disabled={disabled} edit={edit} onOpenRaw={onOpenRaw} problems={problemsOf.get(f.key) ?? NO_PROBLEMS} />
      ))}
      {!disabled && <SuggestedFields suggested={suggested} allFields={allFields} edit={edit} />}
      <AddField allFields={allFields} disabled={disabled} edit={edit} />
    </section>
  );
});
