// Checks of what the author wrote rather than how: template prompts still in the text, a
// placeholder link, and alt text that tells a reader who cannot see the photos nothing
// (generic words, a camera's file name, the same words on different photos).
//
// Pure module (no Node imports): the template checks run in lintText; the alt-text checks take
// the images the service's link finder found (recap-checks.ts), so lint (the Problems panel and
// `recap lint`) and export's preflight always agree.

import type { Problem } from '../contract';
import { splitRecap } from '../frontmatter/frontmatter';
import { TEMPLATE_LINK, TEMPLATE_PROMPTS, UNTITLED_HEADING } from './template';
import { msg } from '../i18n/messages';
import { problemOf } from './lint-problem';

const PROMPTS = new Set(TEMPLATE_PROMPTS);

/** Alt texts that describe nothing: a screen reader would only say "image". */
const GENERIC_ALT = new Set(['event photo', 'photo', 'image', 'picture', 'img', 'pic', 'screenshot', 'pasted', 'untitled', 'alt', 'alt text', 'event', 'photo of the event']);
const CAMERA_NAME = /^(?:img|dsc|dscn|dscf|pxl|p\d{3}|_mg|mvimg|gopr|screenshot|pasted)[\s_-]?\d[\d\s_-]*$/i;

export function isGenericAlt(alt: string): boolean {
  const a = alt.trim().toLowerCase().replace(/\s+/g, ' ');
  return GENERIC_ALT.has(a) || CAMERA_NAME.test(a) || /^pasted[\s-]\d{4}-\d{2}-\d{2}/.test(a);
}

function bodyStartLine(text: string): number {
  const parts = splitRecap(text);
  return text.slice(0, text.length - parts.body.length).split('\n').length - 1;
}

export function contentProblems(text: string): Problem[] {
  const body = splitRecap(text).body;
  const offset = bodyStartLine(text);
  const problems: Problem[] = [];
  const lines = body.split('\n');
  let fence = false;
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (/^ {0,3}(`{3,}|~{3,})/.test(line)) fence = !fence;
    if (fence) return;
    const at = { line: offset + i + 1, column: 1 };
    const trimmed = line.trim();
    if (PROMPTS.has(trimmed)) {
      problems.push(problemOf('template-left', 'warning', msg('lint.template.prompt', { prompt: trimmed.length > 60 ? `${trimmed.slice(0, 57)}…` : trimmed }), at));
      return;
    }
    if (new RegExp(`^#{1,6}\\s+${UNTITLED_HEADING}\\s*#*$`).test(trimmed)) {
      problems.push(problemOf('template-left', 'warning', msg('lint.template.heading', { heading: UNTITLED_HEADING }), at));
      return;
    }
    const link = line.indexOf(TEMPLATE_LINK);
    if (link >= 0) {
      problems.push(problemOf('placeholder-link', 'warning', msg('lint.template.link', { link: TEMPLATE_LINK }), { line: at.line, column: link + 1 }));
    }
  });

  return problems;
}

/** An image link as the link finder reports it: alt text, URL, position in the whole file. */
export interface AltRef {
  alt: string;
  url: string;
  line: number;
  column: number;
}

/**
 * Alt text: what readers who cannot see the photos get instead. One element's photos (an `<img>`'s
 * src and its srcset's candidates, a theme shortcode's photo and its small and large versions)
 * share its place and its one alt: the first of them stands for the element.
 */
export function altTextProblems(refs: readonly AltRef[]): Problem[] {
  const problems: Problem[] = [];
  const firstAlt = new Map<string, string>();
  const elements = new Set<string>();
  for (const ref of refs) {
    const alt = ref.alt.trim();
    const place = `${ref.line}:${ref.column}`;
    if (elements.has(place)) continue;
    elements.add(place);
    if (alt === '' || /^(?:https?:|data:)/i.test(ref.url)) continue;
    const at = { line: ref.line, column: ref.column };
    if (isGenericAlt(alt)) {
      problems.push(problemOf('alt-generic', 'warning', msg('lint.alt.generic', { alt, url: ref.url }), at));
      continue;
    }
    const key = alt.toLowerCase();
    const first = firstAlt.get(key);
    if (first === undefined) firstAlt.set(key, ref.url);
    else if (first !== ref.url) {
      problems.push(problemOf('alt-repeated', 'warning', msg('lint.alt.repeated', { alt, other: first }), at));
    }
  }
  return problems;
}
