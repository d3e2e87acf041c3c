/**
 * How a reader reaches an annotation's popover: by resting the pointer on it
 * (after settings.hoverDelayMs), by clicking or tapping it, or from the
 * keyboard (Alt+Shift+J / Alt+Shift+K step through the annotations, Enter
 * opens the current one, Esc closes and gives focus back). Pointer moves are
 * handled at most once per frame. Nothing here calls preventDefault on a
 * click: a highlighted figure inside a link still follows the link.
 */

export type OpenedBy = 'hover' | 'click' | 'keyboard';

export interface InteractionTarget {
  /** The annotation under a pointer position (and the element hit, for marks), or null. */
  annotationAt(x: number, y: number, element: Element | null): number | null;
  open(id: number, openedBy: OpenedBy): void;
  /** The pointer rests on `id` and the hover delay runs: get its popover ready to show. */
  stage(id: number): void;
  /** The pointer left before the hover delay ended. */
  unstage(): void;
  close(options: { restoreFocus: boolean }): void;
  /** What opened the popover, or null when it is closed. */
  openedBy(): OpenedBy | null;
  openId(): number | null;
  popoverContains(node: Node | null): boolean;
  /** Steps the keyboard focus; returns false when there is nothing to step to. */
  step(direction: 'next' | 'previous'): boolean;
  focusedId(): number | null;
  clearFocus(): void;
  hoverDelayMs(): number;
}

/** The close delay after the pointer leaves an annotation, so it can reach the popover. */
export const CLOSE_DELAY_MS = 250;

export function isStepKey(event: KeyboardEvent): 'next' | 'previous' | null {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return null;
  if (event.code === 'KeyJ') return 'next';
  if (event.code === 'KeyK') return 'previous';
  return null;
}

function isTyping(target: EventTarget | null): boolean {
  const element = target as (HTMLElement & { isContentEditable?: boolean }) | null;
  if (element === null || typeof element.localName !== 'string') return false;
  return (
    ['input', 'textarea', 'select'].includes(element.localName) ||
    element.isContentEditable === true
  );
}

export interface Interaction {
  /** The popover host reports the pointer entering (true) and leaving (false) it. */
  popoverPointer(inside: boolean): void;
}

/** Binds the listeners; they all go when `signal` aborts. */
export function bindInteraction(
  win: Window,
  target: InteractionTarget,
  signal: AbortSignal,
): Interaction {
  const doc = win.document;
  const listen = { signal, passive: true };
  let frame = 0;
  let lastPoint: { x: number; y: number; element: Element | null } | null = null;
  let hovered: number | null = null;
  let openTimer = 0;
  let closeTimer = 0;
  let onPopover = false;
  /** After a keyboard step, Enter opens; any pointer use ends that. */
  let stepping = false;

  const clearTimers = () => {
    win.clearTimeout(openTimer);
    win.clearTimeout(closeTimer);
  };
  signal.addEventListener('abort', () => {
    clearTimers();
    win.cancelAnimationFrame(frame);
  });

  const scheduleClose = () => {
    win.clearTimeout(closeTimer);
    closeTimer = win.setTimeout(() => {
      if (!onPopover && hovered === null && target.openedBy() === 'hover') {
        target.close({ restoreFocus: false });
      }
    }, CLOSE_DELAY_MS);
  };

  const onFrame = () => {
    frame = 0;
    if (lastPoint === null) return;
    const { x, y, element } = lastPoint;
    const id = target.popoverContains(element) ? hovered : target.annotationAt(x, y, element);
    if (id === hovered) return;
    hovered = id;
    win.clearTimeout(openTimer);
    if (id === null) {
      target.unstage();
      scheduleClose();
      return;
    }
    win.clearTimeout(closeTimer);
    if (target.openId() === id) return;
    if (target.openId() === null) target.stage(id);
    openTimer = win.setTimeout(() => {
      if (hovered === id) target.open(id, 'hover');
    }, target.hoverDelayMs());
  };

  doc.addEventListener(
    'pointermove',
    (event) => {
      if (event.pointerType === 'touch') return; // a tap is a click
      lastPoint = { x: event.clientX, y: event.clientY, element: event.target as Element | null };
      if (frame === 0) frame = win.requestAnimationFrame(onFrame);
    },
    listen,
  );
  doc.documentElement.addEventListener(
    'pointerleave',
    () => {
      lastPoint = null;
      hovered = null;
      win.clearTimeout(openTimer);
      target.unstage();
      scheduleClose();
    },
    listen,
  );
  doc.addEventListener(
    'pointerdown',
    () => {
      stepping = false;
    },
    listen,
  );

  doc.addEventListener(
    'click',
    (event) => {
      if (target.popoverContains(event.target as Node | null)) return;
      const id = target.annotationAt(event.clientX, event.clientY, event.target as Element | null);
      if (id !== null) {
        clearTimers();
        hovered = id;
        target.open(id, 'click');
      } else if (target.openId() !== null) {
        target.close({ restoreFocus: false });
      }
    },
    listen,
  );

  win.addEventListener(
    'keydown',
    (event) => {
      const direction = isStepKey(event);
      if (direction !== null) {
        if (isTyping(event.target) && !target.popoverContains(event.target as Node)) return;
        if (target.step(direction)) {
          stepping = true;
          event.preventDefault();
        }
        return;
      }
      if (event.key === 'Escape') {
        if (target.openId() !== null) {
          target.close({ restoreFocus: true });
          event.preventDefault();
        } else if (target.focusedId() !== null) {
          target.clearFocus();
          stepping = false;
        }
        return;
      }
      if (event.key === 'Enter' && stepping && !isTyping(event.target)) {
        const id = target.focusedId();
        if (id !== null && target.openId() !== id) {
          target.open(id, 'keyboard');
          event.preventDefault();
        }
        return;
      }
      if (event.key === 'Tab') stepping = false;
    },
    { signal, capture: true },
  );

  return {
    popoverPointer(inside) {
      onPopover = inside;
      if (inside) win.clearTimeout(closeTimer);
      else if (hovered === null) scheduleClose();
    },
  };
}
