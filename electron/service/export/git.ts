// The git status of exactly the exported paths, for the report, run so that a target
// repository from anyone cannot make git run its commands.

import { execFile } from 'node:child_process';

/**
 * A target site may come from anyone (an archive with its .git): git must not run commands the
 * repository configures. No fsmonitor, no hooks, no pager, no external diff or textconv.
 */
export const GIT_SAFE = ['--no-pager', '-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null', '-c', 'core.untrackedCache=false', '-c', 'diff.external=', '--no-optional-locks'];

function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_PAGER: 'cat', PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' };
  // A variable that points git at another repository or config would defeat the flags above.
  for (const k of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_CONFIG', 'GIT_CONFIG_PARAMETERS', 'GIT_CONFIG_COUNT', 'GIT_EXTERNAL_DIFF']) delete env[k];
  return env;
}

/** `git status --short` of `paths` in `root`, or null (no paths, no git, or not a checkout). */
export function gitStatus(git: string, root: string, paths: string[]): Promise<string | null> {
  if (paths.length === 0) return Promise.resolve(null);
  return new Promise((resolve) => {
    execFile(git, [...GIT_SAFE, '-C', root, 'status', '--short', '--untracked-files=all', '--', ...paths], { timeout: 15_000, maxBuffer: 4 * 1024 * 1024, env: gitEnv() }, (err, stdout) => {
      // No git, or not a checkout: the report simply has no git section.
      resolve(err ? null : stdout);
    });
  });
}
