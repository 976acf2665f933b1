// The hostile-recap corpus: a Hugo site with a contributor's recap that tries every way out of
// its folders, beside secrets it must never read, copy, zip or serve. Shared by the unit, CLI
// and browser end-to-end tests, so that all three doors face the same attacks.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { png } from './site-fixture';

/** Bytes that mark a secret: no exported file, zip or served response may contain them. */
export const SECRET_MARK = 'SECRET-7f3a9c-DO-NOT-EXPORT';

export interface HostileCase {
  /** The link as written in the recap. */
  url: string;
  /** What the refusal must say (a part of the message). */
  why: string;
  /** Inside the allowed roots but not an image: lint and the preview may look, export refuses after sniffing. */
  exportOnly?: true;
}

/**
 * Every hostile link of the corpus, with the reason the refusal gives. Relative links start in
 * content/en/news/, four folders below the temp dir that also holds secret/.
 */
export const HOSTILE_CASES: HostileCase[] = [
  { url: '../../../../secret/.ssh/id_rsa', why: "leads outside the recap's folder" },
  { url: '../../../../secret/passwd.png', why: "leads outside the recap's folder" },
  { url: '../../../../../../../../../../proc/self/environ', why: "leads outside the recap's folder" },
  { url: '/../../../secret/real.png', why: 'leads outside' },
  { url: '%2e%2e/%2e%2e/%2e%2e/%2e%2e/secret/real.png', why: "leads outside the recap's folder" },
  { url: 'file:///etc/passwd', why: 'is a file: URL' },
  { url: '/images/news/hostile/link.png', why: 'is a link to' },
  { url: '/images/news/hostile/fake.png', why: 'is named .png but is not a PNG image', exportOnly: true },
  { url: '/images/news/hostile/empty.png', why: 'is an empty file', exportOnly: true },
  { url: '/images/news/hostile/.hidden/x.png', why: 'is a hidden file or folder' },
];

/** The srcset and front-matter attacks (the same reasons, other places). */
export const SRCSET_ESCAPE = '../../../../secret/real.png';
export const COVER_ESCAPE = '../../../../secret/real.png';

export const HOSTILE_NAME = 'hostile.md';

export function hostileText(): string {
  const lines = [
    '---',
    'title: "A contributor\'s recap"',
    'description: "Looks harmless"',
    'createTime: "2021-11-02"',
    'author: "Mallory"',
    `image: ${COVER_ESCAPE}`,
    '---',
    '',
    'Intro.',
    '',
    ...HOSTILE_CASES.map((c, i) => (c.url.startsWith('../../../../secret/passwd') ? `<img src="${c.url}" alt="case ${i}">` : `![case ${i}](${c.url})`)),
    '',
    `<img alt="set" srcset="/images/news/hostile/ok.png 1x, ${SRCSET_ESCAPE} 2x">`,
    '',
    '<!-- ![](../../../../secret/real.png) -->',
    '',
    'Code: `![](../../../../secret/real.png)` and `<img src="../../../../secret/passwd.png">`.',
    '',
    '![fine](/images/news/hostile/ok.png)',
    '',
  ];
  return lines.join('\n');
}

/** 1-based line of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

export interface HostileSite {
  dir: string;
  site: string;
  recap: string;
  secret: string;
  imageDir: string;
}

/** The corpus on disk under `dir`: secret/ outside, site/ with the hostile recap and its traps. */
export async function makeHostileSite(dir: string): Promise<HostileSite> {
  const secret = path.join(dir, 'secret');
  await fs.mkdir(path.join(secret, '.ssh'), { recursive: true });
  await fs.writeFile(path.join(secret, '.ssh', 'id_rsa'), `-----BEGIN OPENSSH PRIVATE KEY-----\n${SECRET_MARK}\n`);
  await fs.writeFile(path.join(secret, 'passwd.png'), `root:x:0:0:${SECRET_MARK}\n`);
  // A real PNG outside: sniffing alone would let it through; only containment stops it.
  await png(path.join(secret, 'real.png'), 99);
  await fs.appendFile(path.join(secret, 'real.png'), SECRET_MARK);

  const site = path.join(dir, 'site');
  await fs.mkdir(path.join(site, 'content', 'en', 'news'), { recursive: true });
  await fs.writeFile(path.join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "Example"\n');
  const recap = path.join(site, 'content', 'en', 'news', HOSTILE_NAME);
  await fs.writeFile(recap, hostileText());
  const imageDir = path.join(site, 'static', 'images', 'news', 'hostile');
  await png(path.join(imageDir, 'ok.png'), 1);
  await fs.symlink(path.join(secret, 'real.png'), path.join(imageDir, 'link.png'));
  await fs.writeFile(path.join(imageDir, 'fake.png'), `not an image ${SECRET_MARK}\n`);
  await fs.writeFile(path.join(imageDir, 'empty.png'), '');
  await png(path.join(imageDir, '.hidden', 'x.png'), 2);
  return { dir, site, recap, secret, imageDir };
}

/** Every file under `dir` (following no links) whose bytes contain the secret mark. */
export async function filesWithSecret(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(d: string): Promise<void> {
    let entries;
    try {
      entries = await fs.readdir(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && (await fs.readFile(p)).includes(SECRET_MARK)) out.push(p);
    }
  }
  await walk(dir);
  return out;
}
