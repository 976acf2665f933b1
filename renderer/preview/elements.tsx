import { createContext, useContext, useState } from 'react';
import type { ComponentProps, MouseEvent, ReactNode } from 'react';
import type { ExtraProps } from 'hast-util-to-jsx-runtime';
import { FIGURE_MARK } from '../../electron/core/markdown/hugo-figure';
import { MATCH_MARK, shortcodeLabel, THEME_SHORTCODES } from '../../electron/core/markdown/theme-shortcodes';
import { mdxImageUrl } from '../../electron/core/markdown/mdx';
import { GENERATOR_NAMES, mediaUrlOf, READ_ALL, unreadForm } from '../../electron/core/markdown/site-reading';
import type { MarkdownReading } from '../../electron/core/markdown/site-reading';
import { useT } from '../ui/locale';
import { useImageState, type LookupKind } from './images';
import { hostOf, useRemoteImages } from './remote-images';
import { rich } from '../ui/rich';
import { problemText } from '../ui/problem-text';

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

/** The size a tag gives its image (`<img width="120">`), as the published page lays it out. */
type Size = Pick<ComponentProps<'img'>, 'width' | 'height'>;

function RemoteImage({ src, alt, title, size }: { src: string; alt: string; title?: string; size: Size }) {
  const t = useT();
  const [failed, setFailed] = useState(false);
  const remote = useRemoteImages();
  if (!remote.allowed) {
    return (
      <span className="img-notice is-remote" data-testid="remote-image-blocked">
        {rich(t, alt ? 'preview.remoteBlockedAlt' : 'preview.remoteBlocked', { host: <code>{hostOf(src)}</code> }, { alt })}{' '}
        <button type="button" className="img-notice-action" data-testid="load-remote-images" onClick={remote.allow}>
          {t('preview.loadRemote')}
        </button>
      </span>
    );
  }
  if (failed) return <ImageNotice tone="missing">{rich(t, 'preview.remoteFailed', { src: <code>{src}</code> })}</ImageNotice>;
  return <img src={src.startsWith('//') ? `https:${src}` : src} alt={alt} title={title} {...size} loading="lazy" referrerPolicy="no-referrer" onError={() => setFailed(true)} />;
}

function LocalImage({ url, alt, title, kind, size, call }: { url: string; alt: string; title?: string; kind: LookupKind; size: Size; call?: string }) {
  const t = useT();
  const state = useImageState(url, kind);
  const [broken, setBroken] = useState<string | null>(null);
  if (state.kind === 'pending') return <ImageNotice tone="pending">{alt ? t('preview.loadingAlt', { alt }) : t('preview.loading')}</ImageNotice>;
  const code = <code>{url}</code>;
  if (state.kind === 'failed') return <ImageNotice tone="missing">{rich(t, 'preview.lookupFailed', { url: code }, { message: state.message })}</ImageNotice>;
  if (state.kind === 'refused') return <ImageNotice tone="missing">{rich(t, 'preview.blocked', { url: code }, { reason: problemText({ message: state.reason, msg: state.reasonMsg }) })}</ImageNotice>;
  // A theme shortcode's pattern that no file of the bundle matches: Hugo's build stops there.
  // A carousel's (a list of patterns') shows nothing for it, and Hugo builds on.
  if (state.kind === 'missing' && call !== undefined) return <ImageNotice tone="missing">{rich(t, THEME_SHORTCODES[call]?.list === true ? 'preview.noMatch' : 'preview.missingMatch', { call: <code>{shortcodeLabel(call)}</code>, pattern: code })}</ImageNotice>;
  if (state.kind === 'missing') {
    return (
      <ImageNotice tone="missing">
        {state.localPath ? rich(t, 'preview.missing', { url: code, path: <code>{state.localPath}</code> }) : rich(t, 'preview.missingNoFile', { url: code })}
      </ImageNotice>
    );
  }
  if (broken === state.src) return <ImageNotice tone="missing">{rich(t, 'preview.broken', { url: code })}</ImageNotice>;
  return <img src={state.src} alt={alt} title={title} {...size} loading="lazy" onError={() => setBroken(state.src)} />;
}

/** The images an MDX post imports by name (`import hall from './hall.png'`); null for a post that is not MDX. */
export const MdxImports = createContext<ReadonlyMap<string, string> | null>(null);

function decodedUrl(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** How the post's site reads it: a Liquid link or MDX image it does not read shows broken, as published. */
export const SiteReading = createContext<MarkdownReading>(READ_ALL);

export function PreviewImage({ src, alt, title, width, height, ...rest }: ImgProps) {
  // Hugo's figure shortcode (hugo-figure.ts marks its <img>): its src is looked for as Hugo does;
  // a theme shortcode's (theme-shortcodes.ts) is a pattern, looked up among the bundle's files.
  const figure = (rest as Record<string, unknown>)[FIGURE_MARK] !== undefined;
  const call = (rest as Record<string, unknown>)[MATCH_MARK];
  const t = useT();
  const imports = useContext(MdxImports);
  const reading = useContext(SiteReading);
  if (typeof call === 'string' && typeof src === 'string') return <LocalImage url={src} alt={alt ?? ''} title={title} kind="match" call={call} size={{}} />;
  const written = typeof src === 'string' ? src.trim() : '';
  // A Markdown image's URL comes percent-encoded (`%7B%7Bsite.baseurl%7D%7D/…`).
  const shown = decodedUrl(written);
  const form = unreadForm(shown);
  if ((form === 'liquid' && !reading.liquid) || (form === 'mdx' && !reading.mdx)) {
    const site = reading.generator === null ? '' : GENERATOR_NAMES[reading.generator];
    return <ImageNotice tone="missing">{rich(t, form === 'liquid' ? 'preview.liquidUnread' : 'preview.mdxUnread', { code: <code>{shown}</code> }, { site })}</ImageNotice>;
  }
  // A Chirpy post's image is at the address its theme makes of it (its media_subpath, its cdn).
  const url = imports === null ? mediaUrlOf(written, reading) : mdxImageUrl(written, imports);
  const altText = alt ?? '';
  if (url === null) return <ImageNotice tone="missing">{rich(t, 'preview.mdxCode', { code: <code>{written}</code> })}</ImageNotice>;
  if (url === '') return <ImageNotice tone="missing">{altText ? t('preview.noAddressAlt', { alt: altText }) : t('preview.noAddress')}</ImageNotice>;
  const size: Size = { ...(width !== undefined ? { width } : {}), ...(height !== undefined ? { height } : {}) };
  if (REMOTE.test(url)) return <RemoteImage src={url} alt={altText} title={title} size={size} />;
  return <LocalImage url={url} alt={altText} title={title} kind={figure ? 'figure' : 'link'} size={size} />;
}

const EXTERNAL = /^(?:https?:|mailto:)/i;

export function PreviewLink({ href, children, node: _node, ...rest }: AnchorProps) {
  const t = useT();
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
    <a {...rest} href={target} className="link-site" title={t('preview.siteLink', { target })} onClick={(e) => e.preventDefault()}>
      {children}
    </a>
  );
}
