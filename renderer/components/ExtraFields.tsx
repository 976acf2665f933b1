import { memo, useRef, useState } from 'react';
import type { FieldValue, FrontMatterField } from '../../electron/service/frontmatter';
import { removeField, renameField, setField } from '../../electron/service/frontmatter';
import type { TextEdit } from '../hooks/useRecapDocument';

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
}

type Scalar = string | number | boolean | null;

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/** What a typed value means when the field is not text: `draft: true` must stay a boolean for Hugo. */
function inferScalar(text: string): Scalar {
  const t = text.trim();
  if (t === '') return null;
  if (t === 'true' || t === 'false') return t === 'true';
  if (NUMBER.test(t)) return Number(t);
  return text;
}

function isScalar(value: FieldValue): value is Scalar {
  return value === null || typeof value !== 'object';
}

function ExtraFieldRow({ field, source, disabled, edit, onOpenRaw }: { field: FrontMatterField; source: string; disabled: boolean; edit(change: TextEdit, group?: string): boolean; onOpenRaw(): void }) {
  const [keyDraft, setKeyDraft] = useState(field.key);
  // Remember what kind of value the row started with, so clearing a number does not turn it into text.
  const textKind = useRef(typeof field.value === 'string');
  const scalar = isScalar(field.value);

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
        aria-label={`Name of the field ${field.key}`}
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
      {scalar ? (
        <input
          className="input extra-value"
          aria-label={`Value of ${field.key}`}
          value={field.value === null ? '' : String(field.value)}
          disabled={disabled}
          onChange={(e) => {
            const v = e.target.value;
            edit((text) => setField(text, field.key, textKind.current ? v : inferScalar(v)), `field:${field.key}`);
          }}
        />
      ) : (
        <div className="extra-nested">
          <pre className="extra-yaml">{source}</pre>
          <button type="button" className="link-button" onClick={onOpenRaw}>
            Edit lists and nested values in Raw YAML
          </button>
        </div>
      )}
      <button
        type="button"
        className="icon-button extra-remove"
        aria-label={`Remove the field ${field.key}`}
        title={`Remove “${field.key}”`}
        disabled={disabled}
        onClick={() => edit((text) => removeField(text, field.key))}
      >
        ×
      </button>
    </div>
  );
}

/** Fields outside the profile (`tag`, `image`, …): they survive, and can be renamed, edited, removed and added. */
export const ExtraFields = memo(function ExtraFields({ fields, yaml, firstLine, allFields, disabled, edit, onOpenRaw }: ExtraFieldsProps) {
  const [newKey, setNewKey] = useState('');
  const [newValue, setNewValue] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  const keyInput = useRef<HTMLInputElement>(null);
  const yamlLines = yaml.split('\n');

  const sourceOf = (field: FrontMatterField): string => {
    const next = allFields.map((f) => f.line).filter((l) => l > field.line).sort((a, b) => a - b)[0];
    const from = field.line - firstLine;
    const to = next === undefined ? yamlLines.length : next - firstLine;
    return yamlLines.slice(from, to).join('\n').replace(/\s+$/, '');
  };

  const add = (): void => {
    const key = newKey.trim();
    if (key === '') {
      setAddError('Give the new field a name, e.g. image or tag.');
      return;
    }
    if (key.includes(':') || key.startsWith('#')) {
      setAddError('A field name cannot contain “:” or start with “#”.');
      return;
    }
    if (allFields.some((f) => f.key === key)) {
      setAddError(`The front matter already has a field “${key}”.`);
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
    <section className="extra-fields" data-testid="extra-fields" aria-label="Other front-matter fields">
      <h3 className="form-subtitle">Other fields</h3>
      {fields.length === 0 && <p className="field-help">Fields your site uses beyond the ones above (e.g. image, tag) show here.</p>}
      {fields.map((f) => (
        <ExtraFieldRow key={f.key} field={f} source={isScalar(f.value) ? '' : sourceOf(f)} disabled={disabled} edit={edit} onOpenRaw={onOpenRaw} />
      ))}
      {!disabled && (
        <div className="extra-row extra-add">
          <input
            ref={keyInput}
            className="input extra-key"
            data-testid="add-field-key"
            placeholder="New field"
            aria-label="Name of the new field"
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
            placeholder="Value"
            aria-label="Value of the new field"
            value={newValue}
            onChange={(e) => setNewValue(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
          <button type="button" className="button button-small" data-testid="add-field-button" onClick={add} title="Add this field to the front matter">
            Add
          </button>
        </div>
      )}
      {addError && <p className="field-msg is-error">{addError}</p>}
    </section>
  );
});
