// `recap add-photos`: photos made web-ready in the recap's image folder and linked from it.

import * as path from 'node:path';
import { isSafeImageDir } from '../../core/markdown/photo-names';
import { createPhotoLibrary } from '../../service/photos/photos';
import { readRecapFile } from '../../service/service';
import { profileForRecap } from '../../service/site/site';
import { HELP_OPTION, type Command, type ParsedArgs } from '../args';
import { say, size, UsageError, type ExitCode, type Io } from '../output';

async function runAddPhotos(args: ParsedArgs, io: Io): Promise<ExitCode> {
  const [recap, ...photos] = args.positionals;
  if (recap === undefined) throw new UsageError(say('cli.photos.whichRecap'), 'add-photos');
  if (photos.length === 0) throw new UsageError(say('cli.photos.whichPhotos', { recap }), 'add-photos');
  const alts = args.values('alt');
  if (alts.length > photos.length) throw new UsageError(say('cli.photos.tooManyAlts', { alts: alts.length, photos: photos.length }), 'add-photos');
  await readRecapFile(recap);
  const imageDir = args.value('image-dir');
  if (imageDir !== undefined && !isSafeImageDir(imageDir)) {
    throw new UsageError(say('cli.photos.badDir', { dir: imageDir }), 'add-photos');
  }
  // The recap's own site decides where its photos go (a Jekyll post's assets/images/…), as in the app.
  const library = createPhotoLibrary({ profileFor: (file) => profileForRecap(file) });
  const result = await library.addPhotosToRecap(path.resolve(recap), photos.map((p) => path.resolve(p)), {
    ...(imageDir !== undefined ? { imageDir } : {}),
    alts,
  });
  if (args.has('json')) {
    io.out(JSON.stringify({ recap, imported: result.imported, refused: result.refused }));
  } else {
    for (const r of result.imported) {
      const p = r.photo;
      io.out(`${say(r.reused ? 'cli.photos.reused' : 'cli.photos.imported')} ${p.url}  ${p.width}×${p.height}, ${size(p.bytes)}  ![${r.alt}]`);
    }
    for (const r of result.refused) io.err(say('cli.photos.refused', { source: r.source, reason: r.msg ? r.msg : r.message }));
    io.out(say('cli.photos.done', { recap, count: result.imported.length, refused: String(result.refused.length) }));
  }
  return result.refused.length > 0 ? 1 : 0;
}

export const addPhotosCommand: Command = {
  name: 'add-photos',
  summary: 'cli.photos.summaryLine',
  usage: 'recap add-photos RECAP.md PHOTO… [--image-dir DIR] [--alt TEXT]… [--json]',
  details: 'cli.photos.details',
  helpParams: { shape: '{imported, refused}' },
  options: [
    { name: 'image-dir', value: 'DIR', help: 'cli.photos.opt.dir' },
    { name: 'alt', value: 'TEXT', repeatable: true, help: 'cli.photos.opt.alt' },
    { name: 'json', help: 'cli.photos.opt.json' },
    HELP_OPTION,
  ],
  examples: [
    'recap add-photos content/en/news/kcd-china.md ~/Pictures/kcd/*.jpg',
    'recap add-photos post.md stage.jpg --alt "Keynote on the main stage" --image-dir kcd-china',
  ],
  run: runAddPhotos,
};
