import { useEffect, useRef, useState } from 'react';
import type { Problem, RecapApi } from '../../electron/core/contract';
import { errorMessage } from '../api/error';

export interface LintState {
  problems: Problem[] | null;
  /** Why the last check failed, when it did (the previous list stays shown). */
  error: string | null;
}

const DELAY_MS = 400;

/** Lints the whole recap through the service once typing pauses; late answers for older text are dropped. */
export function useLint(api: RecapApi, text: string | null, path: string | null): LintState {
  const [state, setState] = useState<LintState>({ problems: null, error: null });
  const seq = useRef(0);

  useEffect(() => {
    if (text === null) return;
    const id = ++seq.current;
    const timer = window.setTimeout(() => {
      api.lintRecap({ text, path }).then(
        (problems) => {
          if (id === seq.current) setState({ problems, error: null });
        },
        (err: unknown) => {
          if (id === seq.current) setState((s) => ({ problems: s.problems, error: errorMessage(err) }));
        },
      );
    }, DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [api, text, path]);

  return state;
}
