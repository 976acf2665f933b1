import { memo, Suspense } from 'react';
import type { SiteProfile } from '../../electron/core/contract';
import type { PhotosHandle } from '../photos/usePhotos';
import { useT } from '../ui/locale';
import { lazyNow } from './lazyNow';
import { loadable } from './loadable';
import { useLatePanel } from './useLatePanel';
import { FrontMatterForm } from './form/FrontMatterForm';
import type { TextEdit } from './useRecapDocument';
import type { WorkspaceLayout } from './useWorkspaceLayout';

// The photo tray arrives after the first paint.
const trayChunk = loadable(() => import('../photos/PhotoTray'));
/** Fetches the photo tray's code (a failed load is tried again on the next call, and when the tray renders). */
export const loadPhotoTray = (): Promise<unknown> => trayChunk.load();
const PhotoTray = lazyNow(
  () => trayChunk.now()?.default ?? null,
  () => trayChunk.load().then((m) => m.default),
);

/** The folded form's rail: one button that unfolds the form and the photo tray. */
function PhotoRail({ layout, count }: { layout: WorkspaceLayout; count: number }) {
  const t = useT();
  return (
    <button
      type="button"
      className="photo-rail"
      data-testid="photo-rail"
      onClick={() => {
        layout.setFormCollapsed(false);
        layout.onTrayCollapsed(false);
      }}
      title={t('workspace.showPhotos')}
    >
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden focusable="false">
        <rect x="1.5" y="2.5" width="13" height="11" rx="2" fill="none" stroke="currentColor" strokeWidth="1.4" />
        <circle cx="5.5" cy="6" r="1.3" fill="currentColor" />
        <path d="M2 12l3.8-3.6 2.6 2.3 2.2-1.9L14 11.6" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
      </svg>
      {count > 0 && <span className="photo-rail-count">{count}</span>}
    </button>
  );
}

interface SidePanelProps {
  /** false while the editor first shows the text: the column keeps its place, empty. */
  shown: boolean;
  head: string;
  profile: SiteProfile;
  edit(change: TextEdit, group?: string): boolean;
  layout: WorkspaceLayout;
  photos: PhotosHandle;
}

/**
 * The workspace's left column: the front-matter form above the photo tray (a rail when folded).
 * The form comes first; the tray in the next frame once its code is here, a transition of its own, so the form's
 * layout and the tray's are two short tasks a keystroke can pass between, not one long one.
 */
export const SidePanel = memo(function SidePanel({ shown, head, profile, edit, layout, photos }: SidePanelProps) {
  const { formCollapsed, trayCollapsed } = layout;
  const t = useT();
  const trayShown = useLatePanel(shown, loadPhotoTray, 1);
  if (!shown) return <div className={`side${formCollapsed ? ' is-collapsed' : ''}`} aria-busy="true" />;
  const trayLoading = (
    <section className={`photo-tray is-loading${trayCollapsed ? ' is-collapsed' : ''}`} aria-label={t('workspace.photosTitle')}>
      <header className="tray-header">
        <h2 className="fm-title">{t('workspace.photosTitle')}</h2>
      </header>
    </section>
  );
  return (
    <div className={`side${formCollapsed ? ' is-collapsed' : ''}${trayCollapsed ? ' is-tray-collapsed' : ''}`}>
      <FrontMatterForm head={head} profile={profile} edit={edit} raw={layout.raw} onRawChange={layout.setRaw} collapsed={formCollapsed} onCollapsedChange={layout.setFormCollapsed} />
      {formCollapsed ? (
        <PhotoRail layout={layout} count={photos.photos?.length ?? 0} />
      ) : trayShown ? (
        <Suspense fallback={trayLoading}>
          <PhotoTray photos={photos} collapsed={trayCollapsed} onCollapsedChange={layout.onTrayCollapsed} />
        </Suspense>
      ) : (
        trayLoading
      )}
    </div>
  );
});
