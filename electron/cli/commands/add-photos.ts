// `recap add-photos`: photos made web-ready in the recap's image folder and linked from it.

import * as path from 'node:path';
import { isSafeImageDir } from '../../core/markdown/photo-names';
import { createPhotoLibrary } from '../../service/photos/photos';
import { readRecapFile } from '../../service/service';
import { HELP_OPTION, type Command, type ParsedArgs } from '../args';
import { plural, size, UsageError, type ExitCode, type Io } from '../output';

async function runAddPhotos(args: ParsedArgs, io: Io): Promise<ExitCode> {
  const [recap, ...photos] = args.positionals;
  if (recap === undefined) throw new UsageError('which recap? e.g. recap add-photos post.md photo.jpg', 'add-photos');
  if (photos.length === 0) throw new UsageError(`which photos should be added to ${recap}? e.g. recap add-photos ${recap} ~/Pictures/*.jpg`, 'add-photos');
  const alts = args.values('alt');
  if (alts.length > photos.length) throw new UsageError(`${plural(alts.length, '--alt')} for ${plural(photos.length, 'photo')}`, 'add-photos');
  await readRecapFile(recap);
  const imageDir = args.value('image-dir');
  if (imageDir !== undefined && !isSafeImageDir(imageDir)) {
    throw new UsageError(`--image-dir "${imageDir}" is not a folder name: use one word of letters, digits, dashes, dots or underscores (e.g. kcd-china)`, 'add-photos');
  }
  const result = await createPhotoLibrary().addPhotosToRecap(path.resolve(recap), photos.map((p) => path.resolve(p)), {
    ...(imageDir !== undefined ? { imageDir } : {}),
    alts,
  });
  if (args.has('json')) {
    io.out(JSON.stringify({ recap, imported: result.imported, refused: result.refused }));
  } else {
    for (const r of result.imported) {
      const p = r.photo;
      io.out(`${r.reused ? 'reused  ' : 'imported'} ${p.url}  ${p.width}×${p.height}, ${size(p.bytes)}  ![${r.alt}]`);
    }
    for (const r of result.refused) io.err(`recap: refused ${r.source}: ${r.message}`);
    io.out(`${recap}: ${plural(result.imported.length, 'photo')} added, ${result.refused.length} refused.`);
  }
  return result.refused.length > 0 ? 1 : 0;
}

export const addPhotosCommand: Command = {
  name: 'add-photos',
  summary: 'Make photos web-ready in the recap\'s image folder and link them.',
  usage: 'recap add-photos RECAP.md PHOTO… [--image-dir DIR] [--alt TEXT]… [--json]',
  details: [
    'Each photo is auto-oriented, scaled to the site profile\'s long edge (2000 px by default, never',
    'enlarged), converted to sRGB, re-encoded and stripped of metadata (GPS, serial numbers). The',
    'originals are only read. Files go to the recap\'s image folder (for the Hugo news profile',
    'static/images/news/DIR/) and ![alt](/images/news/DIR/name.jpg) links are added to the recap,',
    'after its photos section or at the end. A photo already in the folder is reused, not copied.',
    'DIR defaults to the folder the recap already links to, else the recap\'s file name.',
    'Exit status: 0 every photo imported, 1 some refused (each listed with why), 2 usage error or',
    'unreadable recap.',
  ],
  options: [
    { name: 'image-dir', value: 'DIR', help: 'Image folder name, e.g. kcd-china.' },
    { name: 'alt', value: 'TEXT', repeatable: true, help: 'Alt text of the photos, in order; default: from the file name.' },
    { name: 'json', help: 'Print {imported, refused} as JSON.' },
    HELP_OPTION,
  ],
  examples: [
    'recap add-photos content/en/news/kcd-china.md ~/Pictures/kcd/*.jpg',
    'recap add-photos post.md stage.jpg --alt "Keynote on the main stage" --image-dir kcd-china',
  ],
  run: runAddPhotos,
};
