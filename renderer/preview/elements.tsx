import { useState } from 'react';
import type { ComponentProps, MouseEvent, ReactNode } from 'react';
import type { ExtraProps } from 'hast-util-to-jsx-runtime';
import { useImageState } from './images';
import { hostOf, useRemoteImages } from './remote-images';

type ImgProps = ComponentProps<'img'> & ExtraProps;
type AnchorProps = ComponentProps<'a'> & ExtraProps;

const REMOTE = /^(?:https?:)?\/\//i;

/** A visible box instead of the browser's broken-image icon, saying what is wrong and where we looked. */
function ImageNotice({ tone, children }: { tone: 'missing' | 'pending'; children: ReactNode }) {
  return (
    // Read as the text it is (a role of img would hide the path in it from screen readers).
    <span className={`img-notice is-${tone}`}>
      {children}
    </span>
  );
}

function RemoteImage({ src, alt, title }: { src: string; alt: string; title?: string }) {
  const [failed, setFailed] = useState(false);
  const remote = useRemoteImages();
  if (!remote.allowed) {
    return (
      <span className="img-notice is-remote" data-testid="remote-image-blocked">
        Remote image not loaded: <code>{hostOf(src)}</code>{alt ? ` (“${alt}”)` : ''} — loading it would tell that site who opened this recap and when.{' '}
        <button type="button" className="img-notice-action" data-testid="load-remote-images" onClick={remote.allow}>
          Load remote images
        </button>
      </span>
    );
  }
  if (failed) {
    return (
      <ImageNotice tone="missing">
        Image could not be loaded: <code>{src}</code> (it is on another site; check the address or your connection)
      </ImageNotice>
    );
  }
  return <img src={src.startsWith('//') ? `https:${src}` : src} alt={alt} title={title} loading="lazy" referrerPolicy="no-referrer" onError={() => setFailed(true)} />;
}

function LocalImage({ url, alt, title }: { url: string; alt: string; title?: string }) {
  const state = useImageState(url);
  const [broken, setBroken] = useState<string | null>(null);
  if (state.kind === 'pending') return <ImageNotice tone="pending">{alt ? `Loading image “${alt}”…` : 'Loading image…'}</ImageNotice>;
  if (state.kind === 'failed') {
    return (
      <ImageNotice tone="missing">
        Image <code>{url}</code> could not be looked up: {state.message}
      </ImageNotice>
    );
  }
  if (state.kind === 'refused') {
    return (
      <ImageNotice tone="missing">
        Blocked image: <code>{url}</code> {state.reason}. Recap Studio only shows images inside the recap’s folder, the site’s public folder or the draft’s folder.
      </ImageNotice>
    );
  }
  if (state.kind === 'missing') {
    return (
      <ImageNotice tone="missing">
        Missing image: <code>{url}</code>
        {state.localPath ? (
          <>
            {' '}
            (looked for <code>{state.localPath}</code>)
          </>
        ) : (
          ' (no local file matches this address)'
        )}
      </ImageNotice>
    );
  }
  if (broken === state.src) {
    return (
      <ImageNotice tone="missing">
        Image <code>{url}</code> was found but could not be shown; the file may be damaged or not an image.
      </ImageNotice>
    );
  }
  return <img src={state.src} alt={alt} title={title} loading="lazy" onError={() => setBroken(state.src)} />;
}

export function PreviewImage({ src, alt, title }: ImgProps) {
  const url = typeof src === 'string' ? src.trim() : '';
  const altText = alt ?? '';
  if (url === '') return <ImageNotice tone="missing">An image without an address{altText ? ` (“${altText}”)` : ''}</ImageNotice>;
  if (REMOTE.test(url)) return <RemoteImage src={url} alt={altText} title={title} />;
  return <LocalImage url={url} alt={altText} title={title} />;
}

const EXTERNAL = /^(?:https?:|mailto:)/i;

export function PreviewLink({ href, children, node: _node, ...rest }: AnchorProps) {
  const target = typeof href === 'string' ? href : '';
  if (EXTERNAL.test(target)) {
    // The main process routes new windows to the system browser; the browser mode opens a tab.
    return (
      <a {...rest} href={target} target="_blank" rel="noreferrer">
        {children}
      </a>
    );
  }
  if (target.startsWith('#')) {
    const jump = (e: MouseEvent<HTMLAnchorElement>): void => {
      e.preventDefault();
      // The sanitizer prefixes ids (against DOM clobbering), so look for both spellings.
      const id = decodeURIComponent(target.slice(1));
      const root = e.currentTarget.closest('[data-testid="preview"]');
      const found = root?.querySelector(`[id="${CSS.escape(id)}"], [id="user-content-${CSS.escape(id)}"]`);
      found?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    };
    return (
      <a {...rest} href={target} onClick={jump}>
        {children}
      </a>
    );
  }
  if (target === '') return <a {...rest}>{children}</a>;
  // A link into the site itself: following it here would navigate away from the editor.
  return (
    <a {...rest} href={target} className="link-site" title={`${target} — a page of the site; the link works once the recap is published`} onClick={(e) => e.preventDefault()}>
      {children}
    </a>
  );
}
