// What the workspace reads from the whole text once typing pauses, never between keystrokes:
// the body's word count and reading time (by blocks, each counted once: ≈30 ms at 3,700 lines
// for the first count, a block or two after an edit), and the recap's
// own language — set on its text and preview (fonts, hyphenation, the browser's spelling)
// whatever the interface speaks, and told to Electron's spellchecker.
import { useMemo, useRef } from 'react';
import type { RecapApi } from '../../electron/core/contract';
import { formatWordCount } from '../../electron/core/markdown/word-count';
import { recapLanguage } from '../../electron/core/recap/recap-language';
import { useLocale } from '../ui/locale';
import { useSettledValue } from '../ui/useSettledValue';
import { useSpellingSync } from './spelling/spelling';
import { nextBlockWords } from './blockWordCount';
import type { BlockWords } from './blockWordCount';

interface OpenDoc {
  text: string;
  path: string | null;
  draft: { id: string };
}

/**
 * `ready`: false while the workspace first shows the text (the figures cost the first use of the
 * number and plural formats and a front-matter parse), true once the text takes keys; they are
 * computed at once then, from the text as it is.
 */
export function useTextFigures(api: RecapApi, doc: OpenDoc | null, text: string, body: string, ready = true): { wordCount: string; recapLang: string } {
  const locale = useLocale();
  const countedBody = useSettledValue(body, 400);
  const settledText = useSettledValue(text, 400);
  useSpellingSync(api, ready ? doc : null, settledText);
  const docPath = doc?.path ?? null;
  // '' when the recap does not say: its text is not taken for the interface's language.
  const recapLang = useMemo(() => (ready ? (recapLanguage(settledText, docPath)?.tag ?? '') : ''), [ready, settledText, docPath]);
  // Counted by blocks, each block once: a pause in typing recounts the blocks typed into.
  const counted = useRef<BlockWords | null>(null);
  const words = useMemo(() => {
    if (!ready) return null;
    counted.current = nextBlockWords(counted.current, countedBody);
    return counted.current.count;
  }, [ready, countedBody]);
  // Formatting builds plural rules: once per count, not on every render of the workspace.
  const wordCount = useMemo(() => (words ? formatWordCount(locale, words) : ''), [locale, words]);
  return { wordCount, recapLang };
}
