import { useT } from './locale';

/** What shows while the app starts or a recap opens: the same quiet line, so nothing flashes. */
export function Opening() {
  const t = useT();
  return (
    <div className="app is-starting">
      <p className="starting">{t('app.opening')}</p>
    </div>
  );
}
