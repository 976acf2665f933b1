// The Electron window around the page (the preload's bridge beyond `invoke`): find in the
// window, its results, and the View menu's choices. null in the browser mode, which has the
// browser's own menus, spellchecker and Find: that is how the page knows it runs in Electron.

import type { FindInPageRequest, FoundInPage, RecapBridge, ViewChoice } from '../../electron/core/contract';

export interface Desk {
  /** Starts (findNext) or goes on with a search in the window; the request's id, or null when refused. */
  findInPage(text: string, options: Omit<FindInPageRequest, 'text'>): Promise<number | null>;
  stopFindInPage(): void;
  onFoundInPage(listener: (result: FoundInPage) => void): () => void;
  onViewChoice(listener: (choice: ViewChoice) => void): () => void;
}

function fromBridge(bridge: RecapBridge): Desk {
  return {
    findInPage: async (text, options) => {
      const answer = await bridge.findInPage(text, options).catch(() => null);
      return answer?.ok ? answer.value.requestId : null;
    },
    stopFindInPage: () => void bridge.stopFindInPage().catch(() => undefined),
    onFoundInPage: (listener) => bridge.onFoundInPage(listener),
    onViewChoice: (listener) => bridge.onViewChoice(listener),
  };
}

let cached: Desk | null | undefined;

export function desk(): Desk | null {
  if (cached === undefined) cached = typeof window !== 'undefined' && window.recap ? fromBridge(window.recap) : null;
  return cached;
}
