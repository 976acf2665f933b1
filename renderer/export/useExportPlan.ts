// The export's plan follows the author's choices (fetched after a short typing pause; nothing is
// written until Export), and the export itself runs only once the plan is clean.

import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { ExportReport, ExportRequest, RecapApi } from '../../electron/core/contract';
import { errorMessage } from '../api';
import { t } from '../ui/locale';

export interface ExportPlanState {
  plan: ExportReport | null;
  planning: boolean;
  running: boolean;
  /** The written export, once it is done. */
  done: ExportReport | null;
  /** The author ticked "replace the existing files that differ". */
  replace: boolean;
  setReplace(replace: boolean): void;
  errors: ExportReport['problems'];
  warnings: ExportReport['problems'];
  conflicts: string[];
  changes: ExportReport['files'];
  canExport: boolean;
  run(): Promise<void>;
}

/** The plan for the current request, refetched 200 ms after the request last changed. */
function usePlanFor(api: RecapApi, request: ExportRequest | null, setPlanError: (message: string | null) => void) {
  const [plan, setPlan] = useState<ExportReport | null>(null);
  const [planning, setPlanning] = useState(false);
  const [replace, setReplace] = useState(false);
  const serial = useRef(0);
  useEffect(() => {
    setPlan(null);
    setPlanError(null);
    setReplace(false);
    if (!request) return;
    const mine = ++serial.current;
    setPlanning(true);
    const t = window.setTimeout(() => {
      api.planExport(request).then(
        (r) => {
          if (mine !== serial.current) return;
          setPlan(r);
          setPlanning(false);
        },
        (err: unknown) => {
          if (mine !== serial.current) return;
          setPlanError(errorMessage(err));
          setPlanning(false);
        },
      );
    }, 200);
    return () => window.clearTimeout(t);
    // setPlanError is a state setter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, request]);
  return { plan, setPlan, planning, replace, setReplace };
}

export function useExportPlan(api: RecapApi, request: ExportRequest | null, setPlanError: (message: string | null) => void, onExported?: (report: ExportReport, exportedText: string) => void): ExportPlanState {
  const { plan, setPlan, planning, replace, setReplace } = usePlanFor(api, request, setPlanError);
  const [running, setRunning] = useState(false);
  const [done, setDone] = useState<ExportReport | null>(null);

  const errors = plan?.problems.filter((p) => p.severity === 'error') ?? [];
  const warnings = plan?.problems.filter((p) => p.severity === 'warning') ?? [];
  const conflicts = plan?.conflicts ?? [];
  const changes = plan ? plan.files.filter((f) => f.status !== 'unchanged') : [];
  const canExport = !!plan && !planning && !running && errors.length === 0 && (conflicts.length === 0 || replace) && changes.length > 0;

  const run = async (): Promise<void> => {
    if (!request) return;
    setRunning(true);
    setPlanError(null);
    try {
      const r = await api.exportRecap({ ...request, overwrite: replace });
      if (r.written) {
        setDone(r);
        onExported?.(r, request.text ?? '');
      }
      else {
        setPlan(r);
        setPlanError(t(r.problems.some((p) => p.severity === 'error') ? 'export.checksFailed' : 'export.nothingToWrite'));
      }
    } catch (err) {
      setPlanError(errorMessage(err));
    } finally {
      setRunning(false);
    }
  };

  return { plan, planning, running, done, replace, setReplace, errors, warnings, conflicts, changes, canExport, run };
}

/**
 * Enter in a typed path confirms it: the export runs once its plan is ready and clean;
 * until then the plan is fetched at once rather than after the typing pause.
 */
export function useEnterToExport({ canExport, planning, run }: Pick<ExportPlanState, 'canExport' | 'planning' | 'run'>) {
  const enterPending = useRef(false);
  const onPathEnter = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    e.preventDefault();
    if (canExport) void run();
    else if (planning) enterPending.current = true;
  };
  useEffect(() => {
    if (!enterPending.current || planning) return;
    enterPending.current = false;
    if (canExport) void run();
    // run is recreated each render; the plan's arrival is what this waits for.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [planning, canExport]);
  return onPathEnter;
}
