/**
 * A PopoverHost that exists before its UI does: the session gets it at once,
 * and the first open() loads the popover script (./popoverUi.ts) and then
 * opens the real host. Only the latest request counts while the script
 * loads - a close() or another open() in between replaces it - so a quick
 * pass of the pointer opens nothing late. A failed load is reported once per
 * attempt and leaves the page as it was; the next open() tries again.
 */
import type { PopoverAnchor, PopoverHost, PopoverHostOptions, PopoverTarget } from './popover';
import type { PopoverUi } from './popoverUi';

interface OpenRequest {
  anchor: PopoverAnchor;
  target: PopoverTarget;
  options: { focus: boolean };
}

export function createLazyPopoverHost(
  options: PopoverHostOptions,
  load: () => Promise<PopoverUi>,
  onLoadError: (error: unknown) => void = (error) =>
    console.warn('Triangulate could not load its popover:', error),
): PopoverHost {
  let host: PopoverHost | null = null;
  let pending: OpenRequest | null = null;
  let loading = false;
  let destroyed = false;

  const start = () => {
    if (loading) return;
    loading = true;
    load().then(
      (ui) => {
        loading = false;
        if (destroyed) return;
        // Made ahead of time (prepare) or on the first open: it enters the page when it opens.
        try {
          host = ui.createPopoverHost({ ...options, attachOnOpen: true });
        } catch (error) {
          pending = null;
          onLoadError(error);
          return;
        }
        const request = pending;
        pending = null;
        if (request !== null) host.open(request.anchor, request.target, request.options);
      },
      (error: unknown) => {
        loading = false;
        pending = null;
        if (!destroyed) onLoadError(error);
      },
    );
  };

  return {
    open(anchor, target, openOptions) {
      if (destroyed) return;
      if (host !== null) {
        host.open(anchor, target, openOptions);
        return;
      }
      pending = { anchor, target, options: openOptions };
      start();
    },
    update(anchor, target) {
      if (destroyed) return;
      if (host !== null) host.update(anchor, target);
      else if (pending !== null) pending = { ...pending, anchor, target };
    },
    close() {
      pending = null;
      host?.close();
    },
    prepare() {
      if (!destroyed && host === null) start();
    },
    prerender(target) {
      if (!destroyed && pending === null) host?.prerender?.(target);
    },
    // Only once the UI is here: staging is a head start, never a reason to load it.
    stage(anchor, target) {
      if (!destroyed && pending === null) host?.stage?.(anchor, target);
    },
    unstage() {
      host?.unstage?.();
    },
    isOpen: () => host?.isOpen() ?? pending !== null,
    contains: (node) => host?.contains(node) ?? false,
    destroy() {
      destroyed = true;
      pending = null;
      host?.destroy();
      host = null;
    },
  };
}
