// Where photos come from: files dropped, pasted or chosen (the page's own file input, or the
// native dialog in Electron), turned into the sources the service imports.

import type { Photo, PhotoSource } from '../../electron/core/contract';
import { errorCode, errorMessage } from '../api';
import { baseName } from '../ui/paths';
import type { PhotosOptions, SourceItem } from './photoTypes';

/** Files that are recaps (opened by the window's drop) rather than photos. */
export const isRecapFile = (f: File): boolean => /\.(md|markdown)$/i.test(f.name);

function pastedName(file: File, i: number, when: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const ext = ({ 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp', 'image/avif': 'avif' } as Record<string, string>)[file.type] ?? 'png';
  const stamp = `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}-${pad(when.getHours())}${pad(when.getMinutes())}`;
  return `pasted-${stamp}${i > 0 ? `-${i + 1}` : ''}.${ext}`;
}

export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });
}

/** A hidden file input, so that a test (or an accessibility tool) can find it too. */
function chooseFiles(multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'image/*';
    input.multiple = multiple;
    input.hidden = true;
    input.dataset['testid'] = 'photo-input';
    let settled = false;
    const done = (files: File[]): void => {
      if (settled) return;
      settled = true;
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => done([...(input.files ?? [])]));
    input.addEventListener('cancel', () => done([]));
    document.body.appendChild(input);
    input.click();
  });
}

export function sortPhotos(list: Photo[]): Photo[] {
  return [...list].sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
}

/** The photos among `files` (recaps left out); pasted screenshots get a dated name. */
export function sourcesOf(o: Pick<PhotosOptions, 'transport'>, files: File[], pasted = false): SourceItem[] {
  const when = new Date();
  return files
    .filter((f) => !isRecapFile(f))
    .map((file, i) => {
      if (pasted && (file.name === '' || /^image\.\w+$/i.test(file.name))) return { name: pastedName(file, i, when), file, path: null };
      const p = pasted ? null : o.transport.pathForFile(file);
      return { name: file.name || pastedName(file, i, when), file, path: p };
    });
}

/** Photos chosen by the author: the native dialog where there is one, else the page's file input. */
export async function pickPhotos(o: PhotosOptions, multiple: boolean): Promise<SourceItem[]> {
  if (o.info?.nativeDialogs) {
    try {
      const paths = await o.api.showPhotoDialog({ multiple });
      return paths.map((p) => ({ name: baseName(p), file: null, path: p }));
    } catch (err) {
      if (errorCode(err) !== 'UNSUPPORTED') {
        o.toast('error', errorMessage(err));
        return [];
      }
    }
  }
  return sourcesOf(o, await chooseFiles(multiple));
}

/** The service's source for one item: its path (Electron), else its bytes (the browser). */
export async function sourceOf(item: SourceItem): Promise<PhotoSource | null> {
  if (item.path) return { path: item.path };
  if (item.file) return { name: item.name, dataBase64: await readBase64(item.file) };
  return null;
}
