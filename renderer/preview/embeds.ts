// Raw <iframe>s never load in the preview (the CSP says frame-src 'none' as well). Video
// players from known hosts become a placeholder with a normal link to the video; every other
// frame becomes a notice that it was blocked. Runs after rehype-raw, before sanitizing.

import type { Element, ElementContent, Root, RootContent } from 'hast';
import { t } from '../ui/locale';

const VIDEO_HOSTS = ['youtube.com', 'youtube-nocookie.com', 'player.vimeo.com', 'player.bilibili.com'];

function parseSrc(src: unknown): URL | null {
  if (typeof src !== 'string' || src.trim() === '') return null;
  const s = src.trim();
  try {
    // Embed codes often use protocol-relative addresses (//player.bilibili.com/…).
    return new URL(s.startsWith('//') ? `https:${s}` : s);
  } catch {
    return null;
  }
}

function videoHost(url: URL): string | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase();
  return VIDEO_HOSTS.find((h) => host === h || host.endsWith(`.${h}`)) ?? null;
}

/** The page a reader would open for an embedded player, rather than the bare player. */
export function watchUrl(url: URL): string {
  const host = url.hostname.toLowerCase();
  const path = url.pathname.split('/').filter(Boolean);
  if ((host.endsWith('youtube.com') || host.endsWith('youtube-nocookie.com')) && path[0] === 'embed' && path[1]) {
    return `https://www.youtube.com/watch?v=${encodeURIComponent(path[1])}`;
  }
  if (host === 'player.vimeo.com' && path[0] === 'video' && path[1]) return `https://vimeo.com/${encodeURIComponent(path[1])}`;
  const bvid = url.searchParams.get('bvid');
  if (host === 'player.bilibili.com' && bvid) return `https://www.bilibili.com/video/${encodeURIComponent(bvid)}`;
  return url.href.replace(/^http:/, 'https:');
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

function el(tagName: string, className: string[], children: ElementContent[], extra: Record<string, string> = {}): Element {
  return { type: 'element', tagName, properties: { className, ...extra }, children };
}

export function embedPlaceholder(iframe: Element): Element {
  const url = parseSrc(iframe.properties['src']);
  const host = url ? videoHost(url) : null;
  if (url && host) {
    const link = watchUrl(url);
    const title = typeof iframe.properties['title'] === 'string' ? iframe.properties['title'].trim() : '';
    const children: ElementContent[] = [el('span', ['recap-embed-label'], [text(t('preview.videoEmbed', { host }))])];
    if (title !== '') children.push(el('span', ['recap-embed-title'], [text(title)]));
    children.push(el('a', ['recap-embed-link'], [text(link)], { href: link }));
    return el('div', ['recap-embed', 'recap-embed-video'], children);
  }
  const from = url ? url.hostname || url.protocol.replace(/:$/, '') : null;
  const message = from ? t('preview.frameBlocked', { host: from }) : t('preview.frameNoAddress');
  return el('div', ['recap-embed', 'recap-embed-blocked'], [el('span', ['recap-embed-label'], [text(message)])]);
}

function replaceFrames(node: Root | Element): void {
  node.children = node.children.map((child): RootContent => {
    if (child.type !== 'element') return child;
    if (child.tagName === 'iframe') return embedPlaceholder(child);
    replaceFrames(child);
    return child;
  }) as typeof node.children;
}

/** The unified plugin. */
export function rehypeEmbeds() {
  return (tree: Root): void => {
    replaceFrames(tree);
  };
}
