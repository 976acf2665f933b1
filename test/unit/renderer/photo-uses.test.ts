// The photo tray's uses, kept across edits: after any edit they equal a full scan of the new text.
import { describe, expect, it } from 'vitest';
import { photoUses } from '../../../electron/core/markdown/photo-text';
import { READ_ALL } from '../../../electron/core/markdown/site-reading';
import { nextPhotoUses } from '../../../renderer/photos/photoUsesCache';
import type { PhotoUsesOf } from '../../../renderer/photos/photoUsesCache';
import { randomEdits, referenceBody as reference } from '../support/random-edits';

// Pieces that make, break or move links, <img> tags and code fences, beside plain typing.
const PIECES = ['a', 'b', ' ', '\n', '\n\n', '!', '[', ']', '(', ')', '<', '>', '`', '~', '```', '~~~', '\n```\n', '![', '](', '![x](/i/new.jpg)', '<img src="/i/new.jpg">', '<IMG SRC=/i/up.png>', '%20', '\\]'];

describe('nextPhotoUses', () => {
  it('equals a full scan after every edit of a long run of random edits', () => {
    for (const seed of [1, 2, 3]) {
      let last: PhotoUsesOf | null = null;
      let i = 0;
      for (const body of randomEdits(reference, seed, 400, PIECES, 40)) {
        last = nextPhotoUses(last, body, READ_ALL);
        expect(last.body, `seed ${seed}, edit ${i}`).toBe(body);
        expect(last.uses, `seed ${seed}, edit ${i++}`).toEqual(photoUses(body));
      }
    }
  });

  it('keeps the same answer while typing changes no link, and scans again when an edit touches one', () => {
    const first = nextPhotoUses(null, reference, READ_ALL);
    expect(first.uses.size).toBeGreaterThan(0);
    // Typing a word at the end of a paragraph.
    const para = reference.indexOf('\n', reference.search(/^[A-Za-z].{80,}$/m));
    const typed = `${reference.slice(0, para)} word${reference.slice(para)}`;
    const second = nextPhotoUses(first, typed, READ_ALL);
    expect(second.uses).toBe(first.uses);
    // Editing a link's alt text: the first link of the body.
    const alt = reference.indexOf('![') + 2;
    const renamed = `${reference.slice(0, alt)}New ${reference.slice(alt)}`;
    const third = nextPhotoUses(second, renamed, READ_ALL);
    expect(third.uses).not.toBe(first.uses);
    expect(third.uses).toEqual(photoUses(renamed));
    expect([...third.uses.values()].some((u) => u.alt?.startsWith('New '))).toBe(true);
  });

  it('sees a fence opened above the links: they become code', () => {
    const body = 'Intro\n\n![A](/i/a.jpg)\n\n![B](/i/b.jpg)\n';
    const first = nextPhotoUses(null, body, READ_ALL);
    expect(first.uses.size).toBe(2);
    const fenced = `Intro\n\`\`\`\n${body.slice('Intro\n'.length)}`;
    expect(nextPhotoUses(first, fenced, READ_ALL).uses.size).toBe(0);
  });
});
