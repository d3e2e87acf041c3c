/**
 * One "on" period of Triangulate on a page: annotate it in slices, draw the
 * highlights, open the popover on hover, click or keyboard, follow the page as
 * it changes, and answer the popup. destroy() removes every highlight,
 * listener, observer, timer and host it added; the entrypoint creates a
 * session when the site is switched on and destroys it when switched off.
 */
import type { ContentSettings } from './contentSettings';
import type { AliasMatch, PageFacts } from '../../core/types';
import type {
  PageReadReply,
  PageResolveReply,
  PageState,
  PageSummaryReply,
  RevealRequest,
  RequestOf,
} from '../../messaging/protocol';
import { AnnotationIndex } from '../../page/annotationIndex';
import { caretAt, rangeContainsPoint } from '../../page/caret';
import { createHighlighter, textPiecesOf, type Highlighter } from '../../page/highlighter';
import { createSlicer, forEachSliced, type Slicer } from '../../page/scheduler';
import { collectPageSignals } from '../../page/signals';
import { extractVisibleTextSliced } from '../../page/slicedText';
import { rangeForSpan } from '../../page/visibleText';
import { createAnnouncer } from './announcer';
import { HIGHLIGHT_STYLES } from './highlights';
import { bindInteraction, type OpenedBy } from './interaction';
import { survivorOf } from './survivor';
import { KIND_SETTING, planAnnotations, type PlannedAnnotation } from './plan';
import type { PopoverHost, PopoverTarget } from './popover';
import { describeAnnotation } from './describe';
import { buildSummary, pageOf } from './summary';
import { watchPage, type PageWatch } from './watch';

export interface SessionDeps {
  win: Window;
  settings: ContentSettings;
  /**
   * The page's text and signals read and linked by the background
   * (page.read), where the reading code stays warm across pages.
   */
  read: (request: RequestOf<'page.read'>, pause: () => Promise<void>) => Promise<PageReadReply>;
  /**
   * Loads the popover's UI ahead of the first hover and renders `target` off
   * the page once; called when idle after annotations are painted.
   */
  preloadPopover?: (target: PopoverTarget, theme: ContentSettings['theme']) => Promise<unknown>;
  createPopover: (options: {
    document: Document;
    theme: ContentSettings['theme'];
    onClose: () => void;
    onPointerEnter: () => void;
    onPointerLeave: () => void;
  }) => PopoverHost;
}

export interface Session {
  /** Reads the page again; `force` also asks the background again (the URL changed). */
  rescan(force?: boolean): Promise<void>;
  updateSettings(settings: ContentSettings): void;
  summary(): Promise<PageSummaryReply>;
  reveal(request: RevealRequest): boolean;
  step(direction: 'next' | 'previous'): boolean;
  destroy(): void;
}

interface Annotation extends PlannedAnnotation {
  id: number;
  range: Range;
}

/** One pass's reading of the page, kept while its text and address stay the same. */
interface PageRead {
  text: string;
  url: string;
  /** The names to highlight (none on a page linked to nothing). */
  matches: AliasMatch[];
  facts: PageFacts;
  reply: PageResolveReply;
}

export function createSession(deps: SessionDeps): Session {
  const { win } = deps;
  const doc = win.document;
  let settings = deps.settings;
  const aborter = new AbortController();
  const highlighter: Highlighter = createHighlighter(doc, HIGHLIGHT_STYLES);
  const index = new AnnotationIndex<Node, number>();
  const announcer = createAnnouncer(doc);

  let state: PageState = 'running';
  let error: string | null = null;
  let reply: PageResolveReply | null = null;
  let text = '';
  let cache: PageRead | null = null;
  let annotations: Annotation[] = [];
  let drawnList: Annotation[] = [];
  let generation = 0;
  let destroyed = false;

  let popover: PopoverHost | null = null;
  let openId: number | null = null;
  let openedBy: OpenedBy | null = null;
  let focusedId: number | null = null;
  let focusBeforeOpen: Element | null = null;

  /** A phase's end on the page's timeline, for the benchmark's main-thread time per phase. */
  const mark = (phase: string) => win.performance.mark(`triangulate:phase:${phase}`);

  const drawn = (annotation: PlannedAnnotation) =>
    settings.highlight[KIND_SETTING[annotation.kind]];
  const byId = (id: number | null) => (id === null ? undefined : annotations[id]);

  // --- painting ---------------------------------------------------------------

  const paint = () => {
    drawnList = annotations.filter(drawn);
    watch.paused(() =>
      highlighter.paint(drawnList.map((a) => ({ id: a.id, name: a.highlight, range: a.range }))),
    );
    index.clear();
    if (highlighter.mode === 'highlight-api') {
      for (const annotation of drawnList) {
        for (const piece of textPiecesOf(annotation.range)) {
          index.add(piece.node, piece.start, piece.end, annotation.id);
        }
      }
    }
    if (focusedId !== null && !drawnList.includes(annotations[focusedId] as Annotation)) {
      focusedId = null;
    }
    highlighter.focus(focusedId);
  };

  const dropRemoved = () => {
    const alive = annotations.filter(
      (a) => !a.range.collapsed && a.range.startContainer.isConnected,
    );
    if (alive.length === annotations.length) return;
    // Ids are indexes: renumber, and forget focus and popover of what went.
    const kept = new Set(alive.map((a) => a.id));
    if (openId !== null && !kept.has(openId)) closePopover(false);
    if (focusedId !== null && !kept.has(focusedId)) focusedId = null;
    annotations = alive;
    const renumber = new Map(alive.map((a, i) => [a.id, i]));
    for (const annotation of alive) annotation.id = renumber.get(annotation.id) as number;
    if (openId !== null) openId = renumber.get(openId) ?? null;
    if (focusedId !== null) focusedId = renumber.get(focusedId) ?? null;
    paint();
  };

  // --- the annotation pass ------------------------------------------------------

  /**
   * The background reads the text (names; on a page that names something
   * known, figures, dates and facts too) and links it; the page's main thread
   * only sends the text and gets back what to highlight.
   */
  const readPage = async (
    pageText: string,
    url: string,
    slicer: Slicer,
    cancelled: () => boolean,
  ): Promise<PageRead | null> => {
    const signals = collectPageSignals(doc);
    // deps.read sends the first REQUEST_LIMITS.textChars units (see ./pageRead.ts).
    const read = await deps.read({ text: pageText, signals }, () => slicer.pause());
    if (cancelled()) return null;
    mark('read');
    return { text: pageText, url, matches: read.matches, facts: read.facts, reply: read.reply };
  };

  /** The popover's UI, loaded once the page is idle after the first annotations are painted. */
  let popoverPreloaded = false;
  const preloadPopoverWhenIdle = () => {
    if (popoverPreloaded || deps.preloadPopover === undefined || drawnList.length === 0) return;
    // An XML or SVG document makes no HTML elements to host a popover: it waits for a hover there.
    const { HTMLElement: Html } = win as Window & typeof globalThis;
    if (Html === undefined || !(doc.createElement('div') instanceof Html)) return;
    popoverPreloaded = true;
    const preload = deps.preloadPopover;
    const idle = () => new Promise<void>((done) => whenIdle(win, done));
    void (async () => {
      await idle();
      const targets = warmUpTargets();
      if (destroyed || targets.length === 0) return;
      // The host is made now, outside the page until it first opens; the UI renders off the page,
      // once per kind of annotation (each kind's view runs code of its own), one idle task each.
      popoverHost().prepare?.();
      for (const [at, target] of targets.entries()) {
        if (at > 0) await idle();
        if (destroyed) return;
        await preload(target, settings.theme);
      }
      // The most likely first open, figures first, made in the host ahead of it.
      const likely = targets[0];
      if (!destroyed && openId === null && likely !== undefined) popover?.prerender?.(likely);
      win.performance.mark('triangulate:popover-ready');
    })().catch(
      // The first hover tries again and reports a failure there.
      () => undefined,
    );
  };

  /** The first drawn annotation of each kind, figures first (the ones most read). */
  const warmUpTargets = (): PopoverTarget[] => {
    const targets: PopoverTarget[] = [];
    for (const kind of ['figure', 'incident', 'actor', 'place'] as const) {
      const annotation = drawnList.find((a) => a.kind === kind);
      const target = annotation === undefined ? null : targetOf(annotation);
      if (target !== null) targets.push(target);
    }
    return targets;
  };

  const run = async (force: boolean) => {
    // Performance marks (page timeline): `npm run bench -- --only content` times start to highlights.
    win.performance.mark('triangulate:start');
    const current = ++generation;
    const cancelled = () => destroyed || current !== generation;
    if (reply === null) state = 'running';
    try {
      const slicer = createSlicer();
      // Marks split text nodes: take them out before reading, so ranges point at the page's own nodes.
      if (highlighter.mode === 'marks') watch.paused(() => highlighter.clear());
      const visible = await extractVisibleTextSliced(doc, slicer, cancelled);
      if (visible === null || cancelled()) return;
      mark('text');
      const url = win.location.href;
      let found =
        cache !== null && !force && cache.text === visible.text && cache.url === url ? cache : null;
      if (found === null) {
        found = await readPage(visible.text, url, slicer, cancelled);
        if (found === null) return;
        cache = found;
      }
      const planned = planAnnotations(found.matches, found.reply);
      // The page restyles for the highlight styles while the ranges are made.
      if (planned.length > 0) highlighter.prepare();
      const built: Annotation[] = [];
      const finished = await forEachSliced(
        planned,
        (annotation) => {
          const range = rangeForSpan(visible, annotation.start, annotation.end);
          if (range !== null) built.push({ ...annotation, id: built.length, range });
        },
        slicer,
        cancelled,
      );
      if (!finished) return;
      mark('ranges');
      // A rescan (live blog, ticker) keeps the open popover and the keyboard focus on
      // the annotations that survive it; only what is gone loses them.
      const texts = { before: text, after: visible.text };
      const openSurvivor = survivorOf(byId(openId), built, texts);
      const focusSurvivor = survivorOf(byId(focusedId), built, texts);
      if (openSurvivor === undefined) closePopover(false);
      reply = found.reply;
      text = visible.text;
      annotations = built;
      focusedId = focusSurvivor?.id ?? null;
      if (openSurvivor !== undefined) openId = openSurvivor.id;
      paint();
      win.performance.mark('triangulate:painted');
      preloadPopoverWhenIdle();
      if (openSurvivor !== undefined) followOpenAnnotation(openSurvivor);
      state = 'ready';
      error = null;
    } catch (caught) {
      if (cancelled()) return;
      state = 'error';
      error = (caught instanceof Error ? caught.message : String(caught)).slice(0, 300);
      console.warn('Triangulate could not annotate this page:', error);
    }
  };

  // --- popover ------------------------------------------------------------------

  const targetOf = (annotation: Annotation): PopoverTarget | null => {
    const resolution = reply;
    if (resolution === null) return null;
    if (annotation.kind === 'figure') {
      const claim = resolution.claims[annotation.claimIndex];
      return claim ? { kind: 'figure', claim, resolution } : null;
    }
    if (annotation.kind === 'incident') {
      return { kind: 'incident', incidentId: annotation.targetId, resolution };
    }
    return {
      kind: annotation.kind,
      id: annotation.targetId,
      name: text.slice(annotation.start, annotation.end),
      resolution,
    };
  };

  const openPopover = (id: number, how: OpenedBy) => {
    const annotation = byId(id);
    const anchor = highlighter.anchorOf(id);
    if (annotation === undefined || anchor === null) return;
    const target = targetOf(annotation);
    if (target === null) return;
    if (how === 'keyboard' && !popover?.contains(doc.activeElement)) {
      focusBeforeOpen = doc.activeElement;
    }
    const host = popoverHost();
    win.performance.mark('triangulate:popover-start');
    watch.paused(() => host.open(anchor, target, { focus: how === 'keyboard' }));
    // The frame after the one that shows it: the popover's first paint, for the benchmark.
    win.requestAnimationFrame(() =>
      setTimeout(() => win.performance.mark('triangulate:popover-painted')),
    );
    openId = id;
    openedBy = how;
  };

  /** During the hover delay: the popover made and placed, hidden, so the open only shows it. */
  const stagePopover = (id: number) => {
    const annotation = byId(id);
    const anchor = highlighter.anchorOf(id);
    if (popover === null || annotation === undefined || anchor === null) return;
    const target = targetOf(annotation);
    if (target !== null) watch.paused(() => popover?.stage?.(anchor, target));
  };

  function popoverHost(): PopoverHost {
    popover ??= deps.createPopover({
      document: doc,
      theme: settings.theme,
      onClose: () => closePopover(true),
      onPointerEnter: () => interaction.popoverPointer(true),
      onPointerLeave: () => interaction.popoverPointer(false),
    });
    return popover;
  }

  /** After a rescan: the open popover follows its annotation's new range (and new figures, if any). */
  const followOpenAnnotation = (annotation: Annotation) => {
    const anchor = highlighter.anchorOf(annotation.id);
    const target = targetOf(annotation);
    if (anchor === null || target === null) {
      closePopover(false);
      return;
    }
    watch.paused(() => popover?.update(anchor, target));
  };

  function closePopover(restoreFocus: boolean): void {
    if (openId === null) return;
    const hadFocus = popover?.contains(doc.activeElement) ?? false;
    popover?.close();
    openId = null;
    openedBy = null;
    const previous = focusBeforeOpen as HTMLElement | null;
    if (restoreFocus && hadFocus) {
      if (previous !== null && previous.isConnected && typeof previous.focus === 'function') {
        previous.focus({ preventScroll: true });
      } else (doc.activeElement as HTMLElement | null)?.blur?.();
    }
    focusBeforeOpen = null;
  }

  // --- keyboard focus -------------------------------------------------------------

  const setFocus = (id: number | null) => {
    focusedId = id;
    highlighter.focus(id);
    const annotation = byId(id);
    const anchor = id === null ? null : highlighter.anchorOf(id);
    if (annotation === undefined || anchor === null) return;
    scrollIntoView(win, anchor);
    const position = drawnList.indexOf(annotation) + 1;
    announcer.say(
      `${describeAnnotation(annotation, reply, text)}, ${position} of ${drawnList.length}. Enter for details.`,
    );
  };

  const step = (direction: 'next' | 'previous'): boolean => {
    if (drawnList.length === 0) return false;
    const current = byId(focusedId);
    const at = current === undefined ? -1 : drawnList.indexOf(current);
    const next =
      at === -1
        ? direction === 'next'
          ? 0
          : drawnList.length - 1
        : (at + (direction === 'next' ? 1 : -1) + drawnList.length) % drawnList.length;
    if (openId !== null) closePopover(false);
    setFocus((drawnList[next] as Annotation).id);
    return true;
  };

  // --- hit testing ------------------------------------------------------------------

  const annotationAt = (x: number, y: number, element: Element | null): number | null => {
    if (highlighter.mode === 'marks') return highlighter.idsAt(element)[0] ?? null;
    const caret = caretAt(doc, x, y);
    if (caret === null || caret.node.nodeType !== 3) return null;
    // A caret sits between characters: the one hit may be before or after it.
    const ids = [...index.at(caret.node, caret.offset), ...index.at(caret.node, caret.offset - 1)];
    for (const id of ids) {
      const range = annotations[id]?.range;
      if (range !== undefined && rangeContainsPoint(range, x, y)) return id;
    }
    return null;
  };

  const watch: PageWatch = watchPage(win, {
    onRemoved: dropRemoved,
    onChanged: () => void run(false),
  });

  const interaction = bindInteraction(
    win,
    {
      annotationAt,
      open: openPopover,
      stage: stagePopover,
      unstage: () => {
        if (popover !== null) watch.paused(() => popover?.unstage?.());
      },
      close: ({ restoreFocus }) => closePopover(restoreFocus),
      openedBy: () => openedBy,
      openId: () => openId,
      popoverContains: (node) => popover?.contains(node) ?? false,
      step,
      focusedId: () => focusedId,
      clearFocus: () => setFocus(null),
      hoverDelayMs: () => settings.hoverDelayMs,
    },
    aborter.signal,
  );

  void run(false);

  return {
    rescan: (force = false) => run(force),
    updateSettings(next) {
      const themeChanged = next.theme !== settings.theme;
      settings = next;
      if (themeChanged && popover !== null) {
        closePopover(false);
        popover.destroy();
        popover = null;
      }
      if (highlighter.mode === 'marks') void run(false);
      else paint();
    },
    async summary() {
      const facts = cache?.facts ?? null;
      return buildSummary({
        state,
        enabledForSite: true,
        error,
        reply,
        annotations,
        text,
        drawn,
        page: pageOf(win.location.href, facts, doc.title),
      });
    },
    reveal(request) {
      const found = drawnList.find((a) =>
        request.kind === 'figure'
          ? a.kind === 'figure' && a.claimIndex === request.index
          : a.kind === request.kind && a.targetId === request.id,
      );
      if (found === undefined) return false;
      setFocus(found.id);
      openPopover(found.id, 'keyboard');
      return true;
    },
    step,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      generation += 1;
      aborter.abort();
      watch.stop();
      popover?.destroy();
      popover = null;
      highlighter.clear();
      announcer.destroy();
      index.clear();
      annotations = [];
      drawnList = [];
    },
  };
}

/** Runs `work` when the page is idle (within 2 s), or after a zero timeout where idle callbacks are missing. */
function whenIdle(win: Window, work: () => void): void {
  if (typeof win.requestIdleCallback === 'function')
    win.requestIdleCallback(work, { timeout: 2000 });
  else win.setTimeout(work, 0);
}

/** Scrolls only when the annotation is not already fully in view, and then to a third of the way down. */
function scrollIntoView(win: Window, anchor: Range): void {
  const rect = anchor.getBoundingClientRect();
  if (rect.top >= 0 && rect.bottom <= win.innerHeight) return;
  win.scrollBy({ top: rect.top - win.innerHeight / 3, behavior: 'instant' });
}
