import { useT } from './locale';
import { rich } from './rich';

export function ErrorScreen({ message }: { message: string }) {
  const t = useT();
  return (
    <main className="error-screen" role="alert">
      <div className="error-card">
        <span className="brand-mark" aria-hidden>
          R
        </span>
        <h1>{t('ui.cannotStart')}</h1>
        <p>{message}</p>
        <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
          {t('ui.tryAgain')}
        </button>
      </div>
    </main>
  );
}

/**
 * The browser mode opened from a bookmark or an old link: the running Recap Studio prints a
 * new private link each time it starts, and only that link opens it.
 */
export function LinkNeededScreen() {
  const t = useT();
  return (
    <main className="error-screen" role="alert" data-testid="link-needed">
      <div className="error-card">
        <span className="brand-mark" aria-hidden>
          R
        </span>
        <h1>{t('ui.linkNeededTitle')}</h1>
        <p>{t('ui.linkNeededWhy')}</p>
        <ol className="error-steps">
          <li>{t('ui.linkNeededStep1')}</li>
          <li>{rich(t, 'ui.linkNeededStep2', { start: <code>http://127.0.0.1:</code>, end: <code>?token=…</code> })}</li>
          <li>{t('ui.linkNeededStep3')}</li>
        </ol>
        <p className="error-note">{t('ui.linkNeededSafe')}</p>
      </div>
    </main>
  );
}
