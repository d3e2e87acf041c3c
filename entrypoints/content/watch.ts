/**
 * Notices when the page changes under the annotations: content added or
 * removed (infinite scroll, a framework re-rendering the article) and
 * client-side navigation. Triangulate's own changes never count: mutations
 * inside its hosts (elements with a data-triangulate attribute) or made of its
 * nodes (hosts and <span data-triangulate-mark> marks) are ignored, and
 * the marks fallback pauses the observer while it paints. Removals are
 * reported at once (highlights of removed text must go); everything is also
 * folded into one debounced "rescan".
 */
import { MARK_ATTRIBUTE } from '../../page/highlighter';

export interface WatchCallbacks {
  /** Some of the page's nodes left the document. */
  onRemoved(): void;
  /** The page's content changed; called at most once per `debounceMs` quiet period (and within `maxWaitMs`). */
  onChanged(): void;
}

export interface PageWatch {
  /** Runs `change` with the observer off, dropping the records it caused. */
  paused<T>(change: () => T): T;
  stop(): void;
}

/** One of Triangulate's hosts (popover, live region). */
function isOwnHost(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).hasAttribute('data-triangulate');
}

/** A host or a mark. */
function isOwnNode(node: Node): boolean {
  return isOwnHost(node) || (node.nodeType === 1 && (node as Element).hasAttribute(MARK_ATTRIBUTE));
}

function insideOwnUi(node: Node | null): boolean {
  for (let current = node; current !== null; current = current.parentNode) {
    if (isOwnHost(current)) return true;
    if (current.nodeType === 11) current = (current as ShadowRoot).host ?? null;
    if (current === null) return false;
  }
  return false;
}

/** True for a record the page made (not Triangulate). */
export function isPageMutation(record: MutationRecord): boolean {
  if (insideOwnUi(record.target)) return false;
  if (record.type === 'characterData') return true;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && !nodes.every(isOwnNode);
}

export function watchPage(
  win: Window,
  callbacks: WatchCallbacks,
  options: { debounceMs?: number; maxWaitMs?: number } = {},
): PageWatch {
  const debounceMs = options.debounceMs ?? 300;
  const maxWaitMs = options.maxWaitMs ?? 1500;
  const root = win.document.documentElement;
  const config: MutationObserverInit = { childList: true, subtree: true, characterData: true };
  let timer = 0;
  let firstPending = 0;
  let stopped = false;

  const schedule = () => {
    const now = win.performance.now();
    if (firstPending === 0) firstPending = now;
    win.clearTimeout(timer);
    const wait = Math.max(0, Math.min(debounceMs, firstPending + maxWaitMs - now));
    timer = win.setTimeout(() => {
      firstPending = 0;
      if (!stopped) callbacks.onChanged();
    }, wait);
  };

  const observer = new (win as Window & typeof globalThis).MutationObserver((records) => {
    let changed = false;
    let removed = false;
    for (const record of records) {
      if (!isPageMutation(record)) continue;
      changed = true;
      if (record.removedNodes.length > 0) removed = true;
    }
    if (removed) callbacks.onRemoved();
    if (changed) schedule();
  });
  observer.observe(root, config);

  const onNavigate = () => schedule();
  win.addEventListener('popstate', onNavigate);
  win.addEventListener('hashchange', onNavigate);

  return {
    paused(change) {
      observer.disconnect();
      try {
        return change();
      } finally {
        if (!stopped) observer.observe(root, config);
      }
    },
    stop() {
      stopped = true;
      observer.disconnect();
      win.clearTimeout(timer);
      win.removeEventListener('popstate', onNavigate);
      win.removeEventListener('hashchange', onNavigate);
    },
  };
}
