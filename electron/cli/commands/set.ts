// `recap set`: front-matter fields changed from the command line, touching only their lines.

import * as path from 'node:path';
import { coerceInput } from '../../core/frontmatter/field-types';
import { convertFrontMatter, getField, removeField, setField, splitRecap, type FieldValue } from '../../core/frontmatter/frontmatter';
import { createRecapService, readRecapFile } from '../../service/service';
import { profileForRecap, siteFieldKind, siteFrontMatterFormat } from '../../service/site/site';
import { HELP_OPTION, type Command, type ParsedArgs } from '../args';
import { say, show, UsageError, type Io } from '../output';

type Edit =
  | { kind: 'set'; key: string; value: string; asList: boolean }
  | { kind: 'unset'; key: string };

/**
 * A front-matter key from the command line: letters, digits, `_`, `.` and `-` only. Anything
 * else (`:`, a newline, `#`, quotes, `{`) could write a second field or break the YAML, so it
 * is refused rather than guessed at.
 */
function fieldKey(key: string): string {
  if (!/^[A-Za-z0-9_.-]+$/.test(key)) {
    throw new UsageError(say('cli.set.badKey', { key: JSON.stringify(key) }), 'set');
  }
  return key;
}

function parseAssignment(arg: string, option: string | null): { key: string; value: string } {
  const eq = arg.indexOf('=');
  const shown = option ? `${option} ${arg}` : arg;
  if (eq === -1) throw new UsageError(say('cli.set.expected', { arg: shown }), 'set');
  const key = arg.slice(0, eq).trim();
  if (key === '') throw new UsageError(say('cli.set.expectedKey', { arg: shown }), 'set');
  return { key: fieldKey(key), value: arg.slice(eq + 1) };
}

/** The edits in the order given: key=value after FILE, --list key=a,b and --unset key. */
function editsOf(args: ParsedArgs): Edit[] {
  const edits: Edit[] = [];
  let seenFile = false;
  for (const token of args.tokens) {
    if (token.kind === 'positional') {
      if (!seenFile) {
        seenFile = true;
        continue;
      }
      edits.push({ kind: 'set', ...parseAssignment(token.value, null), asList: false });
    } else if (token.name === 'list' && token.value !== null) {
      edits.push({ kind: 'set', ...parseAssignment(token.value, '--list'), asList: true });
    } else if (token.name === 'unset' && token.value !== null) {
      const key = token.value.trim();
      if (key === '' || key.includes('=')) throw new UsageError(say('cli.set.unsetName', { arg: token.value }), 'set');
      edits.push({ kind: 'unset', key: fieldKey(key) });
    }
  }
  if (edits.length === 0) throw new UsageError(say('cli.set.nothing'), 'set');
  return edits;
}

/** Applies the edits to the recap's text; `report` gets one line per edit. */
function applyEdits(file: string, original: string, edits: Edit[], report: string[]): string {
  // The rules of the recap's own site: a Docusaurus post's tags are a list there.
  const profile = profileForRecap(path.resolve(file));
  let text = original;
  // A file without front matter in a site whose posts use TOML or JSON gets one in that format.
  const format = splitRecap(original).hasFrontMatter || splitRecap(original).unclosed ? null : siteFrontMatterFormat(path.resolve(file));
  for (const edit of edits) {
    const before = getField(text, edit.key);
    if (edit.kind === 'unset') {
      text = removeField(text, edit.key);
      report.push(before === undefined ? say('cli.set.notSetNothing', { key: edit.key }) : say('cli.set.removed', { key: edit.key, before: show(before) }));
      continue;
    }
    const spec = profile.fields.find((f) => f.key === edit.key);
    const type = spec?.type;
    const value: FieldValue = coerceInput(edit.value, before, {
      ...(type ? { type } : {}),
      ...(spec?.separator ? { separator: spec.separator } : {}),
      asList: edit.asList,
      siteKind: before === undefined ? siteFieldKind(path.resolve(file), edit.key) : null,
    });
    text = setField(text, edit.key, value);
    const after = getField(text, edit.key);
    report.push(JSON.stringify(after) === JSON.stringify(before) ? say('cli.set.unchanged', { key: edit.key, value: show(before) }) : say('cli.set.changed', { key: edit.key, before: show(before), after: show(after) }));
  }
  if (format !== null) text = convertFrontMatter(text, format);
  return text;
}

async function runSet(args: ParsedArgs, io: Io): Promise<0> {
  const [file] = args.positionals;
  if (file === undefined) throw new UsageError(say('cli.set.whichFile'), 'set');
  const edits = editsOf(args);

  const { text: original, mtimeMs } = await readRecapFile(file);
  const report: string[] = [];
  const text = applyEdits(file, original, edits, report);
  for (const line of report) io.out(line);
  if (text === original) {
    io.out(say('cli.set.nothingChanged', { file }));
    return 0;
  }
  // expectMtimeMs: an editor that saved the file meanwhile is not overwritten.
  await createRecapService().saveRecap({ path: file, text, expectMtimeMs: mtimeMs });
  return 0;
}

export const setCommand: Command = {
  name: 'set',
  summary: 'cli.set.summaryLine',
  usage: 'recap set FILE key=value [key=value…] [--list key=a,b] [--unset key]',
  details: 'cli.set.details',
  helpParams: { json: '{…}' },
  options: [
    { name: 'list', value: 'key=a,b', repeatable: true, help: 'cli.set.opt.list' },
    { name: 'unset', value: 'key', repeatable: true, help: 'cli.set.opt.unset' },
    HELP_OPTION,
  ],
  examples: [
    'recap set post.md title="KCD China 2021 Recap" createTime=2021-11-02',
    'recap set post.md keywords=Community,Kubernetes,Cloud',
    'recap set post.md --list tags=kcd,china --unset draft',
    'recap set post.md draft=false weight=2 cover.image=/images/kcd.jpg',
  ],
  run: runSet,
};
