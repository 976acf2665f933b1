// Every payload that crosses a door (IPC, HTTP) is checked here before the service sees it.
// The renderer is not trusted: a compromised page must not be able to make the service read
// or write anything it did not ask for in the shape the contract allows.

import type { DocumentState, RecapMethod, RequestOf } from './contract';
import { RecapError } from './errors';

type Obj = Record<string, unknown>;

const MAX_TEXT = 20 * 1024 * 1024;
const MAX_PATH = 4096;

function fail(method: string, what: string): never {
  throw new RecapError('BAD_REQUEST', `Invalid request to ${method}: ${what}.`);
}

function obj(method: string, v: unknown): Obj {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) fail(method, 'expected an object');
  return v as Obj;
}

function str(method: string, o: Obj, key: string, max: number): string {
  const v = o[key];
  if (typeof v !== 'string') fail(method, `"${key}" must be a string`);
  if (v.length > max) fail(method, `"${key}" is too long`);
  if (v.includes('\0')) fail(method, `"${key}" contains a NUL character`);
  return v;
}

function optStr(method: string, o: Obj, key: string, max: number): string | undefined {
  return o[key] === undefined ? undefined : str(method, o, key, max);
}

function strOrNull(method: string, o: Obj, key: string, max: number): string | null {
  return o[key] === null || o[key] === undefined ? null : str(method, o, key, max);
}

function absPath(method: string, o: Obj, key: string): string {
  const p = str(method, o, key, MAX_PATH);
  if (!(p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'))) fail(method, `"${key}" must be an absolute path`);
  return p;
}

function bool(method: string, o: Obj, key: string): boolean | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') fail(method, `"${key}" must be true or false`);
  return v;
}

function num(method: string, o: Obj, key: string): number | null | undefined {
  const v = o[key];
  if (v === undefined || v === null) return v;
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(method, `"${key}" must be a number`);
  return v;
}

type Validators = { [M in RecapMethod]: (raw: unknown) => RequestOf<M> };

const validators: Validators = {
  appInfo: () => undefined as never,
  showOpenDialog: () => undefined as never,
  closeWindow: () => undefined as never,
  newRecap: (raw) => {
    const o = obj('newRecap', raw);
    const title = optStr('newRecap', o, 'title', 500);
    return title === undefined ? {} : { title };
  },
  openRecap: (raw) => ({ path: absPath('openRecap', obj('openRecap', raw), 'path') }),
  saveRecap: (raw) => {
    const o = obj('saveRecap', raw);
    const req: RequestOf<'saveRecap'> = { path: absPath('saveRecap', o, 'path'), text: str('saveRecap', o, 'text', MAX_TEXT) };
    const expect = num('saveRecap', o, 'expectMtimeMs');
    if (expect !== undefined) req.expectMtimeMs = expect;
    const createOnly = bool('saveRecap', o, 'createOnly');
    if (createOnly !== undefined) req.createOnly = createOnly;
    return req;
  },
  lintRecap: (raw) => {
    const o = obj('lintRecap', raw);
    return { text: str('lintRecap', o, 'text', MAX_TEXT), path: o['path'] == null ? null : absPath('lintRecap', o, 'path') };
  },
  resolveImages: (raw) => {
    const o = obj('resolveImages', raw);
    const urls = o['urls'];
    if (!Array.isArray(urls) || urls.length > 5000) fail('resolveImages', '"urls" must be a list of at most 5000 URLs');
    for (const u of urls) if (typeof u !== 'string' || u.length > 4096) fail('resolveImages', 'every URL must be a string');
    return { recapPath: o['recapPath'] == null ? null : absPath('resolveImages', o, 'recapPath'), urls: urls as string[] };
  },
  listDirectory: (raw) => {
    const o = obj('listDirectory', raw);
    return { path: o['path'] == null ? null : absPath('listDirectory', o, 'path') };
  },
  showSaveDialog: (raw) => {
    const o = obj('showSaveDialog', raw);
    return { suggestedName: str('showSaveDialog', o, 'suggestedName', 255), defaultDir: strOrNull('showSaveDialog', o, 'defaultDir', MAX_PATH) };
  },
  setDocumentState: (raw): DocumentState => {
    const o = obj('setDocumentState', raw);
    const dirty = bool('setDocumentState', o, 'dirty');
    if (dirty === undefined) fail('setDocumentState', '"dirty" is required');
    return { title: str('setDocumentState', o, 'title', 1000), path: strOrNull('setDocumentState', o, 'path', MAX_PATH), dirty };
  },
};

export const RECAP_METHODS = Object.keys(validators) as RecapMethod[];

export function isRecapMethod(name: unknown): name is RecapMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(validators, name);
}

export function validateRequest<M extends RecapMethod>(method: M, raw: unknown): RequestOf<M> {
  return (validators[method] as (raw: unknown) => RequestOf<M>)(raw);
}
