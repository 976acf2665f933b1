// Scroll sync between the editor and the preview, both ways, by source position: the preview's
// blocks carry the body line they start on (data-line), the editor's lines are measured on a
// copy of its text, and a scroll in one pane puts the other at the same place in the recap.
// A scroll this code caused is not synced back, and the pane the author scrolled leads (see
// keepInStep). Nothing but noting the time runs on a keystroke: only scroll events, at most once
// per frame, and the measurements are kept until the panes' widths change (a text edit has them
// measured again once typing has paused).
import { useCallback, useEffect, useState } from 'react';
import type { RefObject } from 'react';
import { lineTops } from '../editing/caret';
import { mapScroll, syncPoints } from './scrollMap';
import type { SyncPoint } from './scrollMap';

const KEY = 'recap-studio.scroll-sync';
const TEXTAREA = '.editor-pane .w-md-editor-text-input';
type Pane = 'editor' | 'preview';

/** The switch, on by default and remembered across starts. */
export function useScrollSyncSetting(): { scrollSync: boolean; toggleScrollSync(): void } {
  const [scrollSync, setScrollSync] = useState(() => {
    try {
      return localStorage.getItem(KEY) !== '0';
    } catch {
      return true;
    }
  });
  const toggleScrollSync = useCallback(() => {
    setScrollSync((on) => {
      try {
        localStorage.setItem(KEY, on ? '0' : '1');
      } catch {
        // Only a preference.
      }
      return !on;
    });
  }, []);
  return { scrollSync, toggleScrollSync };
}

export interface Panes {
  textarea: HTMLTextAreaElement;
  /** The element that scrolls the text (the textarea, or the editor's wrapper). */
  editor: HTMLElement;
  preview: HTMLElement;
}

/** The editor and the pane (`selector`: the preview, or a translation's source) that scrolls beside it. */
export function panesBeside(root: HTMLElement, selector: string): Panes | null {
  const textarea = root.querySelector<HTMLTextAreaElement>(TEXTAREA);
  const preview = root.querySelector<HTMLElement>(selector);
  if (!textarea || !preview) return null;
  const area = textarea.closest<HTMLElement>('.w-md-editor-area');
  const editor = textarea.scrollHeight > textarea.clientHeight + 1 || !area ? textarea : area;
  return { textarea, editor, preview };
}

function paneOf(target: EventTarget | null, panes: Panes): Pane | null {
  if (target === panes.editor || target === panes.textarea) return 'editor';
  if (target === panes.preview) return 'preview';
  return null;
}

/**
 * Where each block's first line and its rendered block sit at the top of their panes, in two
 * steps that may run in two idle moments: the preview's blocks now (a layout of every group of
 * blocks), the editor's lines when the returned function is called (a layout of a copy of the text).
 */
function measureInSteps(panes: Panes): () => SyncPoint[] {
  const blocks = [...panes.preview.querySelectorAll<HTMLElement>('.pv-block[data-line]')];
  const lines = blocks.map((b) => Number(b.dataset['line']));
  if (blocks.length === 0 || lines.some((l, i) => !(l >= 1) || (i > 0 && l <= lines[i - 1]!))) return () => syncPoints([]);
  const origin = panes.preview.getBoundingClientRect().top - panes.preview.scrollTop;
  const previewTops = blocks.map((b) => b.getBoundingClientRect().top - origin);
  return () => {
    const tops = lineTops(panes.textarea, lines);
    const padTop = parseFloat(getComputedStyle(panes.textarea).paddingTop) || 0;
    const points = previewTops.map((preview, i) => ({ editor: tops[i]! - padTop, preview }));
    // The ends of both panes meet too.
    points.push({ editor: panes.editor.scrollHeight - panes.editor.clientHeight, preview: panes.preview.scrollHeight - panes.preview.clientHeight });
    return syncPoints(points);
  };
}

const measure = (panes: Panes): SyncPoint[] => measureInSteps(panes)();

/** The panes' widths: when they change, every line moves and the old measurement is no use. */
function widthKey(panes: Panes): string {
  return `${panes.textarea.clientWidth}:${panes.preview.clientWidth}`;
}

/** The text and the panes' heights: typing changes them by a line or so at a time. */
function contentKey(panes: Panes): string {
  return `${panes.textarea.value.length}:${panes.preview.scrollHeight}:${panes.editor.scrollHeight}`;
}

interface Measured {
  widths: string;
  content: string;
  text: string;
  points: SyncPoint[];
}

/**
 * The sync points, measured again when the panes' sizes changed; after a text edit the last
 * ones serve (they are off by the edit, a line or so) and new ones are measured once typing has
 * paused for a second (`PAUSE_MS`) and the page is idle: measuring lays out a copy of the whole text (≈10 ms
 * at 750 lines, ≈50 ms at 3,700, about half of it the preview's blocks and half the editor's
 * copy, each in an idle moment of its own), which must not land between keystrokes (typing
 * scrolls the panes).
 */
const STALE_CHARS = 100;

/** How long typing must pause before the points are measured again. */
const PAUSE_MS = 1000;

function syncMeasurements(strategy: SyncStrategy): { points(panes: Panes): SyncPoint[]; typed(): void; stop(): void } {
  let cache: Measured | null = null;
  let timer = 0;
  /** The pause's timer is set (it has not fired yet). */
  let timing = false;
  /** When the last keystroke came, while a measurement waits. */
  let typedAt = 0;
  let idle = 0;
  /** The panes to measure again once typing pauses; null when no measurement waits. */
  let waiting: Panes | null = null;
  const state = (panes: Panes): Omit<Measured, 'points'> => ({ widths: widthKey(panes), content: contentKey(panes), text: panes.textarea.value });
  const fresh = (panes: Panes): Measured => ({ ...state(panes), points: strategy.measure(panes) });
  const stop = (): void => {
    window.clearTimeout(timer);
    timing = false;
    cancelIdleCallback(idle);
  };
  const measureWhenIdle = (panes: Panes): void => {
    // In two idle moments when the strategy measures in steps, each about half the work: a
    // keystroke typed during the pause waits behind one of them at most.
    idle = requestIdleCallback(() => {
      if (!panes.textarea.isConnected || !panes.preview.isConnected) return void (waiting = null);
      const before = state(panes);
      const rest = strategy.measureInSteps?.(panes) ?? ((points: SyncPoint[]) => () => points)(strategy.measure(panes));
      idle = requestIdleCallback(() => {
        if (!panes.textarea.isConnected || !panes.preview.isConnected) return void (waiting = null);
        const now = state(panes);
        // Changed in between without a keystroke (an image loaded): measured again at the next pause.
        if (now.widths !== before.widths || now.content !== before.content || now.text !== before.text) return later(panes);
        waiting = null;
        cache = { ...now, points: rest() };
      });
    });
  };
  /** One timer a burst of typing: when it fires before the pause is over, it waits out the rest. */
  const afterPause = (panes: Panes, ms: number): void => {
    timing = true;
    timer = window.setTimeout(() => {
      timing = false;
      const left = typedAt + PAUSE_MS - performance.now();
      if (left >= 1) afterPause(panes, left);
      else measureWhenIdle(panes);
    }, ms);
  };
  const later = (panes: Panes): void => {
    stop();
    waiting = panes;
    typedAt = performance.now();
    afterPause(panes, PAUSE_MS);
  };
  const points = (panes: Panes): SyncPoint[] => {
    const widths = widthKey(panes);
    const text = panes.textarea.value;
    // Typing: a few characters from the measured text (a load or a replacement is more).
    const edited = cache !== null && cache.text !== text && Math.abs(cache.text.length - text.length) <= STALE_CHARS;
    // New widths, new heights without an edit (the preview arrived, an image loaded), a new text: measure now.
    if (!cache || cache.widths !== widths || (!edited && (cache.text !== text || cache.content !== contentKey(panes)))) {
      stop();
      waiting = null;
      cache = fresh(panes);
    } else if (edited && waiting === null) later(panes); // put off by typing only, not by scrolling
    return cache.points;
  };
  // A keystroke while a measurement waits: it waits for the next pause, never lands between keys.
  // During the pause only the time is noted (the timer set for the burst waits out the rest); once
  // the measurement is queued for an idle moment, the keystroke puts it off to the next pause.
  const typed = (): void => {
    if (!waiting) return;
    if (timing) typedAt = performance.now();
    else later(waiting);
  };
  return { points, typed, stop };
}

/** Which panes are kept in step, and where their matching points are (the preview's by default). */
export interface SyncStrategy {
  panesIn(root: HTMLElement): Panes | null;
  measure(panes: Panes): SyncPoint[];
  /** The same points in two steps (see measureInSteps), for the measurement that waits for a pause. */
  measureInSteps?(panes: Panes): () => SyncPoint[];
}

const PREVIEW: SyncStrategy = { panesIn: (root) => panesBeside(root, '.preview-pane'), measure, measureInSteps };

/**
 * How tall the follower's content is, as it changes on its own (photos decoding, blocks changing
 * height): a ResizeObserver on the scroller's children calls `onChange` in the frame of the change,
 * after layout and before the scroll event the browser's scroll anchoring then sends.
 */
function contentWatch(onChange: () => void): { watch(scroller: HTMLElement): void; grew(scroller: HTMLElement): boolean; stop(): void } {
  let watched: HTMLElement | null = null;
  let children = -1;
  let height = -1;
  const observer = new ResizeObserver(() => {
    if (!watched) return;
    height = watched.scrollHeight;
    onChange();
  });
  return {
    watch(scroller) {
      if (scroller === watched && scroller.childElementCount === children) return;
      observer.disconnect();
      watched = scroller;
      children = scroller.childElementCount;
      height = scroller.scrollHeight;
      for (const child of scroller.children) observer.observe(child);
    },
    /** Its height changed since the observer last saw it (a layout forced between two frames). */
    grew(scroller) {
      const was = height;
      height = scroller.scrollHeight;
      return scroller === watched && was !== height;
    },
    stop: () => observer.disconnect(),
  };
}

/** The pane an event of the author's came from (a wheel, a press, a touch, a key, the focus). */
function paneHolding(target: EventTarget | null, panes: Panes): Pane | null {
  if (!(target instanceof Node)) return null;
  if (panes.editor.contains(target)) return 'editor';
  if (panes.preview.contains(target)) return 'preview';
  return null;
}

const AUTHOR_EVENTS = ['wheel', 'pointerdown', 'touchstart', 'focusin'] as const;

/**
 * Keeps the panes inside `el` in step; returns what stops it. The pane the author scrolled leads
 * and the other follows it. The editor's text moves only as the author moves it (the wheel, keys,
 * typing, a jump to a line), so any scroll of the editor that sync did not give it makes it lead.
 * The preview also moves on its own as it settles (photos decoding, blocks changing height: the
 * browser's scroll anchoring keeps what shows in place): while the editor leads, that brings the
 * preview back to the editor, never the editor to the preview. The preview leads once the author
 * scrolls it (a wheel, a press or a touch in it, the focus in it), or when it is scrolled while its
 * height has not changed (a link to a heading, the window's find).
 */
function keepInStep(el: HTMLElement, strategy: SyncStrategy): () => void {
  const { panesIn } = strategy;
  // The scroll position each pane was given by sync, whose scroll event is not synced back.
  const given: Record<Pane, number | null> = { editor: null, preview: null };
  const { points, typed, stop } = syncMeasurements(strategy);
  let leader: Pane = 'editor';
  let frame = 0;
  const sync = (): void => {
    cancelAnimationFrame(frame);
    frame = 0;
    const panes = panesIn(el);
    if (!panes) return;
    content.watch(panes.preview);
    const to: Pane = leader === 'editor' ? 'preview' : 'editor';
    const target = Math.round(mapScroll(points(panes), panes[leader].scrollTop, leader));
    const scroller = panes[to];
    // Already there (the browser's scroll anchoring put the settling preview where sync would):
    // the scroll event that brought it there is sync's too, not the author's.
    if (Math.abs(scroller.scrollTop - target) >= 1) scroller.scrollTop = target;
    given[to] = scroller.scrollTop;
  };
  const soon = (): void => {
    if (!frame) frame = requestAnimationFrame(sync);
  };
  // The preview's content changed height: while the editor leads, the preview comes back to it now,
  // so the scroll event that anchoring sends finds the position sync gave.
  const content = contentWatch(() => void (leader === 'editor' && sync()));
  const onScroll = (e: Event): void => {
    const panes = panesIn(el);
    const pane = panes && paneOf(e.target, panes);
    if (!panes || !pane) return;
    content.watch(panes.preview);
    const mine = given[pane];
    given[pane] = null;
    if (mine !== null && Math.abs(panes[pane].scrollTop - mine) < 1) return;
    // A preview that settles while the editor leads is brought back to the editor.
    if (pane === 'editor' || leader === 'preview' || !content.grew(panes.preview)) leader = pane;
    soon();
  };
  const onAuthor = (e: Event): void => {
    const panes = panesIn(el);
    const pane = panes && paneHolding(e.target, panes);
    if (pane) leader = pane;
  };
  // Typing in the text (not in the form) makes the editor lead.
  const typing = (e: Event): void => {
    if (leader !== 'editor' && e.target instanceof Element && e.target.matches(TEXTAREA)) leader = 'editor';
    typed();
  };
  // Scroll events do not bubble; captured here, they come from either pane.
  el.addEventListener('scroll', onScroll, { capture: true, passive: true });
  // On the window: the editor's textarea stops its typing events there (EditorTextarea).
  window.addEventListener('input', typing, { capture: true, passive: true });
  for (const type of AUTHOR_EVENTS) el.addEventListener(type, onAuthor, { capture: true, passive: true });
  // Keys that scroll (arrows, Page Down, space) reach here when they are not typing.
  el.addEventListener('keydown', onAuthor, { passive: true });
  // Turned on: the preview comes to where the text is.
  soon();
  return () => {
    el.removeEventListener('scroll', onScroll, { capture: true });
    window.removeEventListener('input', typing, { capture: true });
    for (const type of AUTHOR_EVENTS) el.removeEventListener(type, onAuthor, { capture: true });
    el.removeEventListener('keydown', onAuthor);
    cancelAnimationFrame(frame);
    content.stop();
    stop();
  };
}

/** Keeps the panes inside `root` in step while `enabled`. */
export function useScrollSync(root: RefObject<HTMLElement | null>, enabled: boolean, strategy: SyncStrategy = PREVIEW): void {
  useEffect(() => {
    const el = root.current;
    if (!el || !enabled) return;
    return keepInStep(el, strategy);
  }, [root, enabled, strategy]);
}
