// What Docusaurus' blog plugin refuses in a post's front matter: it validates every post against
// its schema (BlogFrontMatterSchema, with Joi) and stops the site's build on a value that does not
// fit ("… contains invalid values for field(s)"). Said first, as errors on the field's line:
// `tags: news` or `keywords: "Community, Kubernetes"` (lists, not text), an empty `image: ""` or
// `slug: ""`, `draft: yes`, a value left empty (`description:` is null, not text), heading levels
// outside 2–6. As its schema reads them: a number is text (`slug: 2024`), `'true'` a yes/no value.
// Pure module: the page runs it live; lint and export's preflight alike.

import type { Problem } from '../contract';
import type { FieldValue, FrontMatterField as Field } from '../frontmatter/values';
import { isFieldMap } from '../frontmatter/values';
import { msg } from '../i18n/messages';
import { describeValue, problemOf } from './lint-problem';

/** Text that may not be empty (Joi.string()); `image` and the author's URLs are addresses, which may not be either. */
export const NON_EMPTY_TEXT: readonly string[] = ['id', 'slug', 'author', 'author_title', 'authorTitle', 'image', 'author_url', 'author_image_url', 'authorURL', 'authorImageURL'];
/** Text that may be empty (Joi.string().allow('')). */
const TEXT = ['title', 'description'];
/** Lists: of tags (text, or `{label, permalink}`), of keywords (text). */
const LISTS = ['tags', 'keywords'];
const YES_NO = ['draft', 'unlisted', 'hide_table_of_contents'];
const TOC_LEVELS = ['toc_min_heading_level', 'toc_max_heading_level'];

const isText = (v: FieldValue): boolean => typeof v === 'string' || typeof v === 'number';

/** A tag as Docusaurus reads one: text, or a map with a `label` and a `permalink`. */
function isTag(v: FieldValue): boolean {
  if (isFieldMap(v)) return typeof v['label'] === 'string' && v['label'] !== '' && typeof v['permalink'] === 'string' && v['permalink'] !== '';
  return isText(v) && String(v) !== '';
}

/** `[Community, Kubernetes]` for the text `" Community, Kubernetes"`: the list to write instead. */
function asList(text: string): string {
  const items = text.split(',').map((t) => t.trim()).filter((t) => t !== '');
  return `[${items.map((t) => (/^[\w .-]+$/u.test(t) && !/^[\d.]+$/.test(t) ? t : JSON.stringify(t))).join(', ')}]`;
}

function yesNo(v: FieldValue): boolean {
  return typeof v === 'boolean' || (typeof v === 'string' && /^(true|false)$/i.test(v.trim()));
}

function level(v: FieldValue): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
}

/** The problem with one field, as its schema reads it; null for a value it accepts or a key it does not check. */
function fieldProblem({ key, value, line }: Field): Problem | null {
  const at = { field: key, line };
  const wrong = (m: ReturnType<typeof msg>): Problem => problemOf('docusaurus-front-matter', 'error', m, at);
  const found = describeValue(value);
  if (NON_EMPTY_TEXT.includes(key) || TEXT.includes(key)) {
    if (!isText(value)) return wrong(msg('lint.docusaurus.notText', { key, found }));
    return value === '' && NON_EMPTY_TEXT.includes(key) ? wrong(msg('lint.docusaurus.empty', { key })) : null;
  }
  if (LISTS.includes(key)) {
    if (typeof value === 'string') return wrong(msg('lint.docusaurus.notList', { key, list: asList(value) }));
    if (!Array.isArray(value)) return wrong(msg('lint.docusaurus.notList', { key, list: '[…]' }));
    const bad = value.findIndex((v) => (key === 'tags' ? !isTag(v) : !isText(v) || String(v) === ''));
    const item = value[bad];
    return bad === -1 || item === undefined ? null : wrong(msg(key === 'tags' ? 'lint.docusaurus.tagItem' : 'lint.docusaurus.listItem', { key, index: String(bad + 1), found: describeValue(item) }));
  }
  if (YES_NO.includes(key)) return yesNo(value) ? null : wrong(msg('lint.docusaurus.notYesNo', { key, found }));
  if (TOC_LEVELS.includes(key)) {
    const n = level(value);
    return n !== null && n >= 2 && n <= 6 ? null : wrong(msg('lint.docusaurus.tocLevel', { key, found }));
  }
  return null;
}

/** Each front-matter field of a Docusaurus blog post its build would refuse, and heading levels out of order. */
export function docusaurusSchemaProblems(fields: readonly Field[]): Problem[] {
  const problems = fields.flatMap((f) => fieldProblem(f) ?? []);
  const min = fields.find((f) => f.key === 'toc_min_heading_level');
  const max = fields.find((f) => f.key === 'toc_max_heading_level');
  const [lo, hi] = [min === undefined ? null : level(min.value), max === undefined ? null : level(max.value)];
  if (min !== undefined && lo !== null && hi !== null && lo > hi && !problems.some((p) => p.field === min.key || p.field === max?.key)) {
    problems.push(problemOf('docusaurus-front-matter', 'error', msg('lint.docusaurus.tocOrder', { min: String(lo), max: String(hi) }), { field: min.key, line: min.line }));
  }
  return problems;
}
