// Path strings as the page sees them (POSIX or Windows, from the service): no Node `path` here.

function separatorOf(path: string): '/' | '\\' {
  return path.includes('\\') && !path.includes('/') ? '\\' : '/';
}

export function isAbsolute(path: string): boolean {
  return path.startsWith('/') || path.startsWith('\\\\') || /^[A-Za-z]:[\\/]/.test(path);
}

export function joinPath(dir: string, name: string): string {
  const sep = separatorOf(dir);
  return dir.endsWith(sep) ? dir + name : dir + sep + name;
}

export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** The folder of a path; null for a bare name. */
export function dirName(path: string): string | null {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i <= 0 ? (i === 0 ? path.slice(0, 1) : null) : path.slice(0, i);
}

/** `file` lies inside `folder` (both absolute, as the service gives them). */
export function isInside(folder: string, file: string): boolean {
  const sep = separatorOf(folder);
  return file.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}
