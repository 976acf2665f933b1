// The home screen's side column: the recent files (those still there) and the trash.

import { useMemo } from 'react';
import type { HomeData } from '../../electron/core/contract';
import { baseName } from '../ui/paths';
import { edited, eventDate } from './dates';

function RecentFiles({ data, onOpenFile }: { data: HomeData | null; onOpenFile(path: string): void }) {
  const recent = useMemo(() => (data?.recent ?? []).filter((f) => f.exists).slice(0, 8), [data]);
  if (recent.length === 0) return <p className="home-side-empty">Files you open show here.</p>;
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
  return (
    <>
      <h2 className="home-side-title">Trash</h2>
      <ul className="recent-list" data-testid="home-trash">
        {trash.map((t) => (
          <li key={t.id} className="trash-item">
            <span className="recent-name">{t.title.trim() || 'Untitled recap'}</span>
            <span className="recent-path">Deleted {edited(t.deletedAt)} · kept until {eventDate(t.expiresAt.slice(0, 10))}</span>
            <button type="button" className="button button-quiet button-small" data-testid="trash-restore" onClick={() => onRestore(t.id)}>
              Restore
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

export function HomeSide({ data, onOpenFile, onRestore }: { data: HomeData | null; onOpenFile(path: string): void; onRestore(id: string): void }) {
  return (
    <aside className="home-side" aria-label="Recent files">
      <h2 className="home-side-title">Recent files</h2>
      <RecentFiles data={data} onOpenFile={onOpenFile} />
      {data && data.trash.length > 0 && <Trash trash={data.trash} onRestore={onRestore} />}
    </aside>
  );
}
