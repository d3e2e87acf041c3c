/**
 * The popover's mount API for the content script: one <div
 * data-triangulate="popover"> host with an open shadow root, owned here from
 * creation to destroy(). A built-in element, not a custom one: a page that
 * defines a custom element first could otherwise run its code on the host.
 * The host's own inline styles are !important (and, where the browser has the
 * Popover API, it sits in the top layer), so page CSS - `* { all: unset
 * !important }`, giant z-indexes, fixed overlays - can neither hide nor
 * restyle it; inside, the shadow root's stylesheet styles everything.
 * Positioning follows the anchor with Floating UI (scroll, resize, flip,
 * shift, a max height to the viewport). Keyboard: Esc asks to close, and when
 * opened from the keyboard focus moves in and Tab cycles inside.
 */
import {
  autoUpdate,
  computePosition,
  flip,
  inline,
  offset,
  shift,
  size,
  type VirtualElement,
} from '@floating-ui/dom';
import { render } from 'preact';
import { Popover, type PopoverTheme } from '../../components/popover/Popover';
import { POPOVER_CSS } from '../../components/popover/styles';
import {
  buildPopoverView,
  type EntityDetails,
  type PopoverTarget,
  type PopoverView,
} from '../../core/popoverModel';

export type { PopoverTarget } from '../../core/popoverModel';

/** Anything with client rects: a DOM Range or an element. */
export interface PopoverAnchor {
  getBoundingClientRect(): DOMRect;
  getClientRects(): DOMRectList | DOMRect[];
}

export interface PopoverHost {
  open(anchor: PopoverAnchor, target: PopoverTarget, options: { focus: boolean }): void;
  /**
   * An open popover follows its annotation after the page was read again: a
   * new anchor, and the target repainted only when its figures changed. Focus
   * and the focus trap stay as they are; nothing happens while closed.
   */
  update(anchor: PopoverAnchor, target: PopoverTarget): void;
  close(): void;
  isOpen(): boolean;
  contains(node: Node | null): boolean;
  destroy(): void;
  /** Gets ready for the first open ahead of time (loads what it needs); nothing shows. */
  prepare?(): void;
  /**
   * Renders `target` into the host while it is closed and off the page
   * (attachOnOpen), so the first open finds its elements made and only has to
   * show them (or update them, for another target). Nothing enters the page.
   */
  prerender?(target: PopoverTarget): void;
  /**
   * The pointer rests on an annotation and its popover opens after the hover
   * delay: the host enters the page hidden, with `target` rendered and placed
   * beside `anchor`, so the browser styles and lays it out during the delay
   * and the open only has to show it. Nothing is seen or reachable; nothing
   * happens while open.
   */
  stage?(anchor: PopoverAnchor, target: PopoverTarget): void;
  /** The pointer left before the popover opened: a staged host leaves the page. */
  unstage?(): void;
}

/** Places the host beside the anchor and keeps it there; returns the clean-up. */
export type Positioner = (
  reference: VirtualElement,
  host: HTMLElement,
  panel: HTMLElement,
) => () => void;

export interface PopoverHostOptions {
  document: Document;
  theme: PopoverTheme;
  /** The host enters the page on the first open only (a host made ahead of time stays out until needed). */
  attachOnOpen?: boolean;
  onClose: () => void;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
  /** Fetches an actor's or place's record when the page's incidents do not hold it. */
  loadEntity?: (kind: 'actor' | 'place', id: string) => Promise<EntityDetails | null>;
  /** Replaces Floating UI (tests in a DOM without layout). */
  position?: Positioner;
}

/** Finds the popover's host (tests, the demo script). */
export const HOST_SELECTOR = 'div[data-triangulate="popover"]';

/** Inline, !important: beats any page rule, however specific or important. */
const HOST_STYLE: ReadonlyArray<[string, string]> = [
  ['all', 'initial'],
  ['position', 'fixed'],
  ['z-index', '2147483647'],
  ['top', '0px'],
  ['left', '0px'],
  ['right', 'auto'],
  ['bottom', 'auto'],
  ['margin', '0px'],
  ['padding', '0px'],
  ['border', '0px none'],
  ['width', 'max-content'],
  ['height', 'auto'],
  ['max-width', 'none'],
  ['max-height', 'none'],
  ['overflow', 'visible'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['transform', 'none'],
  ['filter', 'none'],
  ['clip-path', 'none'],
  ['pointer-events', 'auto'],
  ['background', 'transparent'],
];

const FOCUSABLE = 'a[href], button:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

export function createPopoverHost(options: PopoverHostOptions): PopoverHost {
  const doc = options.document;
  const host = doc.createElement('div');
  host.setAttribute('data-triangulate', 'popover');
  const supportsTopLayer = typeof (host as Partial<HTMLElement>).showPopover === 'function';
  if (supportsTopLayer) host.setAttribute('popover', 'manual');
  lockStyle(host, 'hidden');
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyles(doc, shadow);
  const mount = doc.createElement('div');
  shadow.append(mount);
  if (options.attachOnOpen !== true) doc.documentElement.append(host);

  const position = options.position ?? floatingPosition;
  let open = false;
  /** In the page, hidden, ahead of an open (stage). */
  let staged = false;
  let trapFocus = false;
  let stopPositioning: (() => void) | null = null;
  /** Bumped on every open/close so a late entity load never paints over a newer target. */
  let generation = 0;
  let shown: PopoverTarget | null = null;

  host.addEventListener('pointerenter', () => options.onPointerEnter());
  host.addEventListener('pointerleave', () => options.onPointerLeave());
  shadow.addEventListener('keydown', (event) => onKeydown(event as KeyboardEvent));

  function panel(): HTMLElement | null {
    return mount.querySelector<HTMLElement>('.tg-panel');
  }

  function paint(view: PopoverView): void {
    render(<Popover view={view} theme={options.theme} onClose={options.onClose} />, mount);
  }

  function onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      event.preventDefault();
      options.onClose();
      return;
    }
    if (event.key !== 'Tab' || !trapFocus) return;
    const root = panel();
    if (root === null) return;
    const focusables = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusables[0];
    const last = focusables.at(-1);
    if (first === undefined || last === undefined) return;
    const active = shadow.activeElement;
    if (event.shiftKey && (active === first || active === root || active === null)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  function enterPage(): void {
    // Last child of <html>, so among equal z-indexes it paints above the page's overlays.
    if (host.parentNode !== doc.documentElement || host.nextSibling !== null) {
      doc.documentElement.append(host);
    }
  }

  function show(): void {
    enterPage();
    staged = false;
    lockStyle(host, 'shown');
    if (supportsTopLayer && !host.matches(':popover-open')) {
      try {
        host.showPopover();
      } catch {
        // Not in the top layer (e.g. a modal dialog is open): the z-index still applies.
      }
    }
  }

  function hide(): void {
    if (supportsTopLayer && host.matches(':popover-open')) host.hidePopover();
    lockStyle(host, 'hidden');
  }

  /** Paints the target and, for an actor or place in none of the page's incidents, asks for its record. */
  function paintTarget(target: PopoverTarget): void {
    generation += 1;
    const current = generation;
    shown = target;
    const view = buildPopoverView(target);
    paint(view);
    if (
      options.loadEntity !== undefined &&
      (target.kind === 'actor' || target.kind === 'place') &&
      (view.entity?.incidents.length ?? 0) === 0
    ) {
      options.loadEntity(target.kind, target.id).then(
        (details) => {
          if (details !== null && open && current === generation) {
            paint(buildPopoverView(target, details));
          }
        },
        () => undefined,
      );
    }
  }

  function follow(anchor: PopoverAnchor): HTMLElement | null {
    stopPositioning?.();
    stopPositioning = null;
    const root = panel();
    if (root !== null) stopPositioning = position(virtualElement(anchor), host, root);
    return root;
  }

  return {
    open(anchor, target, { focus }) {
      stopPositioning?.();
      stopPositioning = null;
      show();
      open = true;
      paintTarget(target);
      trapFocus = focus;
      const root = follow(anchor);
      if (focus) root?.focus({ preventScroll: true });
    },
    update(anchor, target) {
      if (!open) return;
      if (shown === null || !sameTarget(shown, target)) paintTarget(target);
      follow(anchor);
    },
    close() {
      generation += 1;
      shown = null;
      if (!open) return;
      open = false;
      trapFocus = false;
      stopPositioning?.();
      stopPositioning = null;
      render(null, mount);
      hide();
    },
    prerender(target) {
      if (open || host.isConnected) return;
      paint(buildPopoverView(target));
    },
    stage(anchor, target) {
      if (open) return;
      enterPage();
      staged = true;
      lockStyle(host, 'staged');
      if (shown === null || !sameTarget(shown, target)) {
        shown = target;
        paint(buildPopoverView(target));
      }
      follow(anchor);
    },
    unstage() {
      if (open || !staged) return;
      staged = false;
      stopPositioning?.();
      stopPositioning = null;
      lockStyle(host, 'hidden');
      host.remove();
    },
    isOpen: () => open,
    contains(node) {
      return node !== null && (node === host || host.contains(node) || shadow.contains(node));
    },
    destroy() {
      this.close();
      host.remove();
    },
  };
}

/**
 * Renders a target once into a detached element and drops it, when the page
 * is idle: the first hover then runs code the engine has already compiled
 * (the first render of a page cost 30-50 ms; see docs/performance.md).
 * Nothing enters the page, and no entity is asked for.
 */
export function warmUpPopover(doc: Document, target: PopoverTarget, theme: PopoverTheme): void {
  const scratch = doc.createElement('div');
  render(
    <Popover view={buildPopoverView(target)} theme={theme} onClose={() => undefined} />,
    scratch,
  );
  render(null, scratch);
}

/** The same thing to show: the same figure or entity, linked by the same reply. */
function sameTarget(a: PopoverTarget, b: PopoverTarget): boolean {
  if (a.resolution !== b.resolution) return false;
  if (a.kind === 'figure') return b.kind === 'figure' && a.claim === b.claim;
  if (a.kind === 'incident') return b.kind === 'incident' && a.incidentId === b.incidentId;
  return b.kind === a.kind && a.id === b.id && a.name === b.name;
}

/**
 * A constructed stylesheet where the browser has one: a strict page CSP
 * (style-src without 'unsafe-inline') blocks a <style> element, not an
 * adopted sheet. Else (or if adopting throws, as from some content-script
 * worlds) a <style> inside the shadow root.
 */
function adoptStyles(doc: Document, shadow: ShadowRoot): void {
  const Sheet = (doc.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet;
  if (typeof Sheet === 'function' && 'adoptedStyleSheets' in shadow) {
    try {
      const sheet = new Sheet();
      sheet.replaceSync(POPOVER_CSS);
      shadow.adoptedStyleSheets = [sheet];
      if (shadow.adoptedStyleSheets.length === 1) return;
    } catch {
      // Fall back to a <style> element below.
    }
  }
  const style = doc.createElement('style');
  style.textContent = POPOVER_CSS;
  shadow.append(style);
}

/** What the host shows: nothing (hidden), its layout unseen and unreachable (staged), or itself. */
export type HostState = 'hidden' | 'staged' | 'shown';

/** The host's inline declarations, every one !important. */
export function hostStyle(state: HostState): [string, string][] {
  const declarations = new Map(HOST_STYLE);
  declarations.set('display', state === 'hidden' ? 'none' : 'block');
  if (state === 'staged') {
    declarations.set('visibility', 'hidden');
    declarations.set('pointer-events', 'none');
  }
  return [...declarations];
}

function lockStyle(host: HTMLElement, state: HostState): void {
  const keep = state !== 'hidden' ? { top: host.style.top, left: host.style.left } : null;
  for (const [name, value] of hostStyle(state)) host.style.setProperty(name, value, 'important');
  if (keep !== null && keep.top !== '' && keep.left !== '') {
    host.style.setProperty('top', keep.top, 'important');
    host.style.setProperty('left', keep.left, 'important');
  }
}

/** The anchor as Floating UI sees it; a Range or an element also says which element scrolls it. */
function virtualElement(anchor: PopoverAnchor): VirtualElement {
  const node = anchor as Partial<Range> & Partial<Element>;
  const container =
    node.commonAncestorContainer ?? (node.nodeType === 1 ? (node as Element) : null);
  const contextElement =
    container === null || container === undefined
      ? undefined
      : container.nodeType === 1
        ? (container as Element)
        : (container.parentElement ?? undefined);
  return {
    getBoundingClientRect: () => anchor.getBoundingClientRect(),
    getClientRects: () => [...anchor.getClientRects()],
    contextElement,
  };
}

/** Below the anchor (above when there is no room), inside the viewport, never taller than it. */
const floatingPosition: Positioner = (reference, host, panel) =>
  autoUpdate(reference, host, () => {
    void computePosition(reference, host, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        inline(),
        offset(6),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply({ availableHeight, availableWidth }) {
            panel.style.maxHeight = `${Math.max(120, Math.min(560, availableHeight))}px`;
            panel.style.maxWidth = `${Math.max(240, Math.min(420, availableWidth))}px`;
          },
        }),
      ],
    }).then(({ x, y }) => {
      host.style.setProperty('left', `${Math.round(x)}px`, 'important');
      host.style.setProperty('top', `${Math.round(y)}px`, 'important');
    });
  });
