// `recap translate`: the recap's post in another language of its site, ready to translate.

import * as path from 'node:path';
import { createRecapService } from '../../service/service';
import { HELP_OPTION, type Command, type ParsedArgs } from '../args';
import { say, UsageError, type ExitCode, type Io } from '../output';

async function runTranslate(args: ParsedArgs, io: Io): Promise<ExitCode> {
  const [file, ...extra] = args.positionals;
  if (file === undefined) throw new UsageError(say('cli.translate.whichFile'), 'translate');
  if (extra.length > 0) throw new UsageError(say('cli.translate.oneFile', { count: args.positionals.length }), 'translate');
  const lang = args.value('lang');
  if (lang === undefined) throw new UsageError(say('cli.translate.whichLang'), 'translate');
  const made = await createRecapService().addTranslation({ path: path.resolve(file), lang });
  io.out(made.path);
  return 0;
}

export const translateCommand: Command = {
  name: 'translate',
  summary: 'cli.translate.summaryLine',
  usage: 'recap translate FILE --lang CODE',
  details: 'cli.translate.details',
  options: [{ name: 'lang', value: 'CODE', help: 'cli.translate.opt.lang' }, HELP_OPTION],
  examples: ['recap translate content/en/news/kcd-china.md --lang zh', 'recap translate blog/2021-11-02-kcd/index.md --lang zh-Hans'],
  run: runTranslate,
};
