// A page bundle's photo linked `stage.jpg` or `./stage.jpg` is one photo: the tray's counts, its
// cover badge, alt text, replace and remove treat both spellings alike (the tray lists it as
// ./stage.jpg, the URL the photo folder of a bundle gives).

import { describe, expect, it } from 'vitest';
import { photoUseOf, photoUses, removePhotoLinks, replacePhotoUrl, samePhotoUrl, setPhotoAlt } from '../../../electron/core/markdown/photo-text';
import { READ_ALL } from '../../../electron/core/markdown/site-reading';

const BODY = 'Intro.\n\n![The stage](stage.jpg)\n\nMore.\n\n![Stage again](./stage.jpg)\n\n![Hall](hall.jpg)\n';

describe('a relative photo link with and without ./', () => {
  it('counts as a use of the tray photo ./stage.jpg, twice', () => {
    expect(photoUseOf(photoUses(BODY), './stage.jpg')).toEqual({ count: 2, alt: 'The stage' });
    expect(photoUseOf(photoUses(BODY), 'stage.jpg')).toEqual({ count: 2, alt: 'The stage' });
    expect(photoUseOf(photoUses(BODY), './cover.jpg')).toBeUndefined();
  });

  it('a cover field `cover.jpg` is the tray photo ./cover.jpg; other names and folders are not', () => {
    expect(samePhotoUrl('cover.jpg', './cover.jpg')).toBe(true);
    expect(samePhotoUrl('././cover.jpg', 'cover.jpg')).toBe(true);
    expect(samePhotoUrl('img/cover.jpg', './cover.jpg')).toBe(false);
    expect(samePhotoUrl('/cover.jpg', './cover.jpg')).toBe(false);
  });

  it('alt text, replace and remove reach both spellings', () => {
    expect(setPhotoAlt(BODY, './stage.jpg', 'Main stage', READ_ALL)).toBe('Intro.\n\n![Main stage](stage.jpg)\n\nMore.\n\n![Main stage](./stage.jpg)\n\n![Hall](hall.jpg)\n');
    expect(replacePhotoUrl(BODY, './stage.jpg', './stage-1.jpg', READ_ALL)).toBe('Intro.\n\n![The stage](./stage-1.jpg)\n\nMore.\n\n![Stage again](./stage-1.jpg)\n\n![Hall](hall.jpg)\n');
    const removed = removePhotoLinks(BODY, './stage.jpg', READ_ALL);
    expect(removed.removed).toBe(2);
    expect(removed.body).toBe('Intro.\n\nMore.\n\n![Hall](hall.jpg)\n');
  });
});
