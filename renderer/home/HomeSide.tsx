// The home screen's side column: the recent files (those still there) and the trash.

import { useMemo } from 'react';
import type { HomeData } from '../../electron/core/contract';
import { useT } from '../ui/locale';
import { baseName } from '../ui/paths';
import { edited, eventDate } from './dates';

function RecentFiles({ data, onOpenFile }: { data: HomeData | null; onOpenFile(path: string): void }) {
  const recent = useMemo(() => (data?.recent ?? []).filter((f) => f.exists).slice(0, 8), [data]);
  const t = useT();
  if (recent.length === 0) return <p className="home-side-empty">{t('home.recentEmpty')}</p>;
  return (
    <ul className="recent-list">
      {recent.map((f) => (
        <li key={f.path}>
          <button type="button" className="recent-file" data-testid="recent-file" title={f.path} onClick={() => onOpenFile(f.path)}>
            <span className="recent-name">{baseName(f.path)}</span>
            <span className="recent-path">{f.path}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function Trash({ trash, onRestore }: { trash: HomeData['trash']; onRestore(id: string): void }) {
  const t = useT();
  return (
    <>
      <h2 className="home-side-title">{t('home.trash')}</h2>
      <ul className="recent-list" data-testid="home-trash">
        {trash.map((item) => (
          <li key={item.id} className="trash-item">
            <span className="recent-name">{item.title.trim() || t('home.untitled')}</span>
            <span className="recent-path">{t('home.trashItem', { when: edited(item.deletedAt), date: eventDate(item.expiresAt.slice(0, 10)) })}</span>
            <button type="button" className="button button-quiet button-small" data-testid="trash-restore" onClick={() => onRestore(item.id)}>
              {t('home.restore')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

export function HomeSide({ data, onOpenFile, onRestore }: { data: HomeData | null; onOpenFile(path: string): void; onRestore(id: string): void }) {
  const t = useT();
  return (
    <aside className="home-side" aria-label={t('home.recentFiles')}>
      <h2 className="home-side-title">{t('home.recentFiles')}</h2>
      <RecentFiles data={data} onOpenFile={onOpenFile} />
      {data && data.trash.length > 0 && <Trash trash={data.trash} onRestore={onRestore} />}
    </aside>
  );
}
