/**
 * Bounded work per task. Every O(page) phase of the content script (reading
 * text, matching, painting) runs through a Slicer: it works until its budget
 * (about 8 ms) is spent, then yields to the page so input, rendering and the
 * page's own scripts run before it continues. No task the extension starts on
 * a huge page should come near the 50 ms a browser calls a long task.
 */

export interface Slicer {
  /** True once the current slice has used its budget. */
  shouldYield(): boolean;
  /** Gives the page a turn, then starts a new slice. */
  pause(): Promise<void>;
}

export interface SlicerOptions {
  budgetMs?: number;
  now?: () => number;
  /** How to give the page a turn; defaults to scheduler.yield() or a zero timeout. */
  yieldToPage?: () => Promise<void>;
}

export const SLICE_BUDGET_MS = 8;

export function createSlicer(options: SlicerOptions = {}): Slicer {
  const budget = options.budgetMs ?? SLICE_BUDGET_MS;
  const now = options.now ?? (() => performance.now());
  const yieldToPage = options.yieldToPage ?? defaultYield;
  let sliceStart = now();
  return {
    shouldYield: () => now() - sliceStart >= budget,
    async pause() {
      await yieldToPage();
      sliceStart = now();
    },
  };
}

interface SchedulerWithYield {
  yield(): Promise<void>;
}

/** scheduler.yield() keeps our place in line; a zero timeout is the portable fallback. */
function defaultYield(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<SchedulerWithYield> }).scheduler;
  if (scheduler && typeof scheduler.yield === 'function') return scheduler.yield();
  return new Promise((done) => setTimeout(done, 0));
}

/**
 * Runs `work` on every item, pausing whenever the slice is spent. Resolves to
 * false, without finishing, as soon as `isCancelled` turns true after a pause.
 */
export async function forEachSliced<T>(
  items: Iterable<T>,
  work: (item: T, index: number) => void,
  slicer: Slicer,
  isCancelled: () => boolean,
): Promise<boolean> {
  let index = 0;
  for (const item of items) {
    if (slicer.shouldYield()) {
      await slicer.pause();
      if (isCancelled()) return false;
    }
    work(item, index);
    index += 1;
  }
  return !isCancelled();
}
