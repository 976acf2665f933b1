import { useCallback, useState } from 'react';
import { useStableObject } from './useStableObject';

const TRAY_KEY = 'recap-studio.photo-tray-collapsed';

export interface WorkspaceLayout {
  formCollapsed: boolean;
  setFormCollapsed(collapsed: boolean): void;
  /** Remembered across starts (a preference in localStorage). */
  trayCollapsed: boolean;
  onTrayCollapsed(collapsed: boolean): void;
  /** The front matter shown as raw YAML instead of the form. */
  raw: boolean;
  setRaw(raw: boolean): void;
  problemsOpen: boolean;
  setProblemsOpen(open: boolean): void;
  toggleProblems(): void;
  closeProblems(): void;
}

/** What the author folded or opened in the workspace; it outlives one recap (the home screen too). */
export function useWorkspaceLayout(): WorkspaceLayout {
  const [formCollapsed, setFormCollapsed] = useState(false);
  const [trayCollapsed, setTrayCollapsed] = useState(() => {
    try {
      return localStorage.getItem(TRAY_KEY) === '1';
    } catch {
      return false;
    }
  });
  const [raw, setRaw] = useState(false);
  const [problemsOpen, setProblemsOpen] = useState(false);
  const onTrayCollapsed = useCallback((collapsed: boolean) => {
    setTrayCollapsed(collapsed);
    try {
      localStorage.setItem(TRAY_KEY, collapsed ? '1' : '0');
    } catch {
      // Only a preference.
    }
  }, []);
  const toggleProblems = useCallback(() => setProblemsOpen((o) => !o), []);
  const closeProblems = useCallback(() => setProblemsOpen(false), []);
  // One identity while nothing in it changed: the panels given it render when it did.
  return useStableObject({ formCollapsed, setFormCollapsed, trayCollapsed, onTrayCollapsed, raw, setRaw, problemsOpen, setProblemsOpen, toggleProblems, closeProblems });
}
