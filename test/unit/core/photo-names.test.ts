import { describe, expect, it } from 'vitest';
import { altFromFileName, isSafeImageDir, isSiteImageName, photoFileName, uniqueName } from '../../../electron/core/markdown/photo-names';
import { imageDirFromText } from '../../../electron/service/recap/image-dir';
import { loadProfile } from '../../../electron/service/site/profile';

describe('photoFileName', () => {
  it.each([
    ['IMG_2041.JPG', 'jpg', 'img-2041.jpg'],
    ['Stage Keynote (final).jpeg', 'jpg', 'stage-keynote-final.jpg'],
    ['Día de Kubernetes Zürich.png', 'png', 'dia-de-kubernetes-zurich.png'],
    // NFC and NFD spellings of the same name give the same file.
    ['Cafe\u0301.jpg', 'jpg', 'cafe.jpg'],
    ['Caf\u00e9.jpg', 'jpg', 'cafe.jpg'],
    ['Straße.jpg', 'jpg', 'strasse.jpg'],
    ['../x.jpg', 'jpg', 'x.jpg'],
    ['..\\..\\windows\\x.jpg', 'jpg', 'x.jpg'],
    ['/etc/passwd', 'jpg', 'passwd.jpg'],
    ['..jpg', 'jpg', 'photo.jpg'],
    ['CON.jpg', 'jpg', 'con-photo.jpg'],
    ['nul.png', 'png', 'nul-photo.png'],
    ['Lpt9.JPG', 'jpg', 'lpt9-photo.jpg'],
    ['com10.jpg', 'jpg', 'com10.jpg'],
    ['会场.jpg', 'jpg', 'photo.jpg'],
    ['', 'jpg', 'photo.jpg'],
    ['.jpg', 'jpg', 'photo.jpg'],
    ['holiday.HEIC', 'jpg', 'holiday.jpg'],
    ['a  b\tc.webp', '.JPG', 'a-b-c.jpg'],
  ])('%j → %s', (name, ext, want) => {
    expect(photoFileName(name, ext)).toBe(want);
  });

  it('keeps names short and free of dots, spaces and separators', () => {
    const name = photoFileName(`${'very long name '.repeat(20)}.jpg`, 'jpg');
    expect(name.length).toBeLessThanOrEqual(64);
    expect(name).toMatch(/^[a-z0-9-]+\.jpg$/);
  });
});

describe('uniqueName', () => {
  it('returns the name when it is free, else the next numbered one, ignoring case', () => {
    expect(uniqueName('stage.jpg', new Set())).toBe('stage.jpg');
    expect(uniqueName('stage.jpg', new Set(['stage.jpg']))).toBe('stage-2.jpg');
    expect(uniqueName('stage.jpg', new Set(['stage.jpg', 'stage-2.jpg']))).toBe('stage-3.jpg');
    expect(uniqueName('stage.jpg', new Set(['Stage.JPG']))).toBe('stage-2.jpg');
    expect(uniqueName('stage.jpg', new Set(['stage.png']))).toBe('stage.jpg');
  });
});

describe('altFromFileName', () => {
  it.each([
    ['IMG_2041 stage-keynote.JPG', 'stage keynote'],
    ['IMG_2041.JPG', 'Event photo'],
    ['DSC01234.jpg', 'Event photo'],
    ['_MG_1234.CR2.jpg', 'Event photo'],
    ['PXL_20240501_123456789.jpg', 'Event photo'],
    ['IMG-20240101-WA0003.jpg', 'Event photo'],
    ['P1010001.JPG', 'Event photo'],
    ['Team Photo.jpg', 'Team Photo'],
    ['Screenshot 2024-05-01 at 10.22.33.png', 'Screenshot'],
    ['kcd_beijing_organizers.png', 'kcd beijing organizers'],
    ['会场 全景.jpg', '会场 全景'],
    ['', 'Event photo'],
  ])('%j → %j', (name, want) => {
    expect(altFromFileName(name)).toBe(want);
  });
});

describe('imageDirFromText', () => {
  const profile = loadProfile();
  const recap = (body: string, title = 'Kubernetes Community Days China Recap'): string => `---\ntitle: "${title}"\n---\n\n${body}\n`;

  it('uses the folder the text already links to', () => {
    const text = recap('![a](https://example.com/x.png)\n\n![kcd](/images/news/kcd-china/kcd-china-event.png)');
    expect(imageDirFromText(text, profile, '/site/content/en/news/other-name.md')).toBe('kcd-china');
  });

  it('ignores links in code blocks and outside the profile prefix', () => {
    const text = recap('```\n![x](/images/news/in-code/x.png)\n```\n\n![y](/img/elsewhere/y.png)');
    expect(imageDirFromText(text, profile, '/drafts/kcd-beijing.md')).toBe('kcd-beijing');
  });

  it('falls back to the file name, the bundle folder, the title, then "recap"', () => {
    expect(imageDirFromText(recap(''), profile, '/drafts/KCD Beijing 2021.md')).toBe('kcd-beijing-2021');
    expect(imageDirFromText(recap(''), profile, '/site/content/news/kcd-hangzhou/index.md')).toBe('kcd-hangzhou');
    expect(imageDirFromText(recap(''), profile, null)).toBe('kubernetes-community-days-china-recap');
    expect(imageDirFromText(recap('', '会议'), profile, '/drafts/会议.md')).toBe('recap');
  });

  it("names the folder after the post's slug where the site's layout gives one (a dated Jekyll or Docusaurus post)", () => {
    expect(imageDirFromText(recap(''), loadProfile('jekyll'), '/site/_posts/2021-11-02-kcd-china.md')).toBe('kcd-china');
    expect(imageDirFromText(recap(''), loadProfile('docusaurus'), '/site/blog/2021-11-02-kcd-china/index.md')).toBe('kcd-china');
    // Outside the layout, the file's own name.
    expect(imageDirFromText(recap(''), loadProfile('jekyll'), '/drafts/2021-11-02-kcd-china.md')).toBe('2021-11-02-kcd-china');
  });

  it('refuses unsafe folder names', () => {
    expect(isSafeImageDir('kcd-china')).toBe(true);
    for (const bad of ['', '.', '..', '../x', 'a/b', 'a\\b', '.hidden', 'a b']) expect(isSafeImageDir(bad)).toBe(false);
  });
});

describe('isSiteImageName (what the tray lists and export takes from a folder)', () => {
  it('the images a site serves, not a hidden file, a raw camera file or a document', () => {
    expect(['stage.jpg', 'Stage.JPEG', 'a.png', 'b.gif', 'c.webp', 'd.avif', 'logo.svg'].filter(isSiteImageName)).toHaveLength(7);
    expect(['.hidden.png', '.png', 'IMG_2041.CR2', 'photo.heic', 'notes.md', 'stage.png.txt', 'png'].filter(isSiteImageName)).toEqual([]);
  });
});
