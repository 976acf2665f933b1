// The source beside its translation: read-only, block by block (paired with the translation's
// blocks by index), each source block changed since the translation was last saved marked
// "Source changed"; above, the front-matter fields still as in the source.

import { useMemo } from 'react';
import type { TranslationView } from '../../electron/core/contract';
import { readFrontMatter } from '../../electron/core/frontmatter/frontmatter';
import { untranslatedFields } from '../../electron/core/translation/alignment';
import { useT } from '../ui/locale';
import './translation.css';

interface Props {
  view: TranslationView;
  /** The translation's whole text as edited (its front matter says what is still untranslated). */
  text: string;
}

export function SourcePane({ view, text }: Props) {
  const t = useT();
  const todo = useMemo(() => untranslatedFields(view.marked, readFrontMatter(view.sourceText).fields, readFrontMatter(text).fields), [view, text]);
  const changed = view.blocks.filter((b) => b.changed).length;
  return (
    <section className="source-pane" aria-label={t('translation.sourcePane', { lang: view.sourceLang })} data-testid="source-pane">
      <header className="source-head">
        <strong>{t('translation.sourceHeading', { lang: view.sourceLang, target: view.lang })}</strong>
        <span className="source-sub" title={view.sourcePath}>
          {changed > 0 ? t('translation.changedSummary', { count: changed }) : t('translation.readOnly')}
        </span>
        {todo.length > 0 && (
          <p className="source-todo" data-testid="needs-translation">
            {t('translation.needsFields', { fields: todo.join(', ') })}
          </p>
        )}
      </header>
      <div className="source-blocks">
        {view.blocks.map((b, i) => (
          <div key={i} className={`src-block${b.changed ? ' is-changed' : ''}`} data-index={i} data-testid="source-block">
            {b.changed && (
              <span className="src-changed" data-testid="source-changed">
                {t('translation.sourceChanged')}
              </span>
            )}
            <pre className="src-text" lang={view.sourceLang}>
              {b.text}
            </pre>
          </div>
        ))}
      </div>
    </section>
  );
}
