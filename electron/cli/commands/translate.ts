// `recap translate`: the recap's post in another language of its site, ready to translate.

import * as path from 'node:path';
import { createRecapService } from '../../service/service';
import { HELP_OPTION, type Command, type ParsedArgs } from '../args';
import { UsageError, type ExitCode, type Io } from '../output';

async function runTranslate(args: ParsedArgs, io: Io): Promise<ExitCode> {
  const [file, ...extra] = args.positionals;
  if (file === undefined) throw new UsageError('which recap? e.g. recap translate content/en/news/kcd-china.md --lang zh', 'translate');
  if (extra.length > 0) throw new UsageError(`one recap at a time (got ${args.positionals.length})`, 'translate');
  const lang = args.value('lang');
  if (lang === undefined) throw new UsageError('which language? --lang CODE, e.g. --lang zh', 'translate');
  const made = await createRecapService().addTranslation({ path: path.resolve(file), lang });
  io.out(made.path);
  return 0;
}

export const translateCommand: Command = {
  name: 'translate',
  summary: 'Make the recap\'s post in another language of its site.',
  usage: 'recap translate FILE --lang CODE',
  details: [
    'Writes the post for language CODE where the site keeps it: Hugo content/<lang>/… or',
    'name.<lang>.md (whichever the recap uses), Docusaurus i18n/<lang>/docusaurus-plugin-content-blog/….',
    'Same file name, same image links (images are shared, never copied), the front matter copied',
    '(its text fields marked for translation) and the body ready to translate. Prints the new path.',
    'Never overwrites: an existing translation is left untouched (exit 1). Jekyll sites are refused.',
    'Exit status: 0 written, 1 a translation exists, 2 bad arguments, a language the site does not have, or an unsupported site.',
  ],
  options: [{ name: 'lang', value: 'CODE', help: 'The language to translate into, one the site declares (zh, pt-br, …).' }, HELP_OPTION],
  examples: ['recap translate content/en/news/kcd-china.md --lang zh', 'recap translate blog/2021-11-02-kcd/index.md --lang zh-Hans'],
  run: runTranslate,
};
