// The editor's status bar, along the window's foot as in most desktop editors: whether the draft
// is kept, the body's word count and reading time, and the switches of spelling (Electron),
// interface language and theme — out of the top bar, which keeps its room for the file's name
// and the actions.
import { memo } from 'react';
import { LanguageSelect } from '../ui/LanguageSelect';
import { useT } from '../ui/locale';
import { ThemeSelect } from '../ui/ThemeSelect';
import { SpellingSelect } from './spelling/SpellingSelect';

export interface StatusBarProps {
  draftStatus: { text: string; tone: 'ok' | 'busy' | 'error' };
  wordCount: string;
  /**
   * false while the workspace first shows the text: the switches (three menus, a sixth of what the
   * workspace draws then) come with the form, in the bar's fixed height, so nothing moves.
   */
  switches?: boolean;
}

export const StatusBar = memo(function StatusBar({ draftStatus, wordCount, switches = true }: StatusBarProps) {
  const t = useT();
  return (
    <footer className="statusbar" aria-label={t('workspace.statusBar')}>
      <span className={`draft-status is-${draftStatus.tone}`} data-testid="draft-status" role="status" title={t('topbar.draftTitle')}>
        {draftStatus.text}
      </span>
      <span className="word-count" data-testid="word-count" title={t('topbar.wordCountTitle')}>
        {wordCount}
      </span>
      <span className="statusbar-switches">
        {switches && (
          <>
            <SpellingSelect />
            <LanguageSelect />
            <ThemeSelect />
          </>
        )}
      </span>
    </footer>
  );
});
