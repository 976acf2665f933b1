import { useEffect, useRef, useState } from 'react';
import { dateError } from '../../../electron/core/recap/lint';
import { useT } from '../../ui/locale';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date the file may hold: four-digit year from 1000, a real day of a real month. */
export function isWritableDate(value: string): boolean {
  return DATE.test(value) && !value.startsWith('0') && dateError(value) === null;
}

interface DateFieldProps {
  id: string;
  testId: string;
  /** The field's value as the file holds it. */
  value: string;
  disabled: boolean;
  invalid: boolean;
  describedBy: string;
  onChange(value: string): void;
}

/**
 * The browser's date input, writing to the file only complete, possible dates: typing a year
 * digit by digit passes through "0002" and, past four digits, "20221"; neither reaches the file.
 * Clear empties the field and the input (whose half-typed parts the browser would keep).
 */
export function DateField({ id, testId, value, disabled, invalid, describedBy, onChange }: DateFieldProps) {
  const text = value.trim();
  const valid = DATE.test(text);
  const [draft, setDraft] = useState(valid ? text : '');
  const [serial, setSerial] = useState(0);
  // The browser's parts hold something that is no date (a five-digit year, a half-typed day).
  const [unfinished, setUnfinished] = useState(false);
  const written = useRef(text);
  const t = useT();

  // The file changed by other means (undo, Raw YAML, another field's edit of the text).
  useEffect(() => {
    if (text === written.current) return;
    written.current = text;
    setDraft(DATE.test(text) ? text : '');
    setUnfinished(false);
  }, [text]);

  const write = (next: string): void => {
    written.current = next;
    onChange(next);
  };

  return (
    <div className="date-row">
      <input
        key={serial}
        id={id}
        data-testid={testId}
        type="date"
        className="input input-date"
        min="1000-01-01"
        max="9999-12-31"
        value={draft}
        disabled={disabled}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(e) => {
          const next = e.target.value;
          setDraft(next);
          setUnfinished(e.target.validity.badInput || (next !== '' && !isWritableDate(next)));
          if (isWritableDate(next) && next !== text) write(next);
        }}
      />
      {unfinished && (
        <span className="field-note" role="status" data-testid={`${testId}-unfinished`}>
          {text ? t('form.notDateYetKeeps', { text }) : t('form.notDateYet')}
        </span>
      )}
      {!unfinished && text !== '' && !valid && <span className="field-note">{t('form.fileSays', { text })}</span>}
      {text !== '' && !disabled && (
        <button
          type="button"
          className="link-button"
          data-testid={`${testId}-clear`}
          onClick={() => {
            setDraft('');
            setUnfinished(false);
            setSerial((n) => n + 1);
            write('');
          }}
        >
          {t('form.clear')}
        </button>
      )}
    </div>
  );
}
