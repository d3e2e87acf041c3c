/**
 * Tells screen-reader users where a keyboard step landed ("Figure 2 of 7:
 * at least eight policemen, agrees with other reports"): highlights are not
 * elements, so nothing else would be read. One <div data-triangulate="status">
 * host (a built-in element: a page cannot define code for it) with a shadow
 * root holding a polite live region, created on first use.
 */

export interface Announcer {
  say(message: string): void;
  destroy(): void;
}

export function createAnnouncer(doc: Document): Announcer {
  let host: HTMLElement | null = null;
  let region: HTMLElement | null = null;
  return {
    say(message) {
      if (region === null || host === null || !host.isConnected) {
        host = doc.createElement('div');
        host.setAttribute('data-triangulate', 'status');
        host.style.setProperty('all', 'initial', 'important');
        host.style.setProperty('position', 'fixed', 'important');
        host.style.setProperty('width', '1px', 'important');
        host.style.setProperty('height', '1px', 'important');
        host.style.setProperty('overflow', 'hidden', 'important');
        host.style.setProperty('clip-path', 'inset(50%)', 'important');
        const shadow = host.attachShadow({ mode: 'open' });
        region = doc.createElement('div');
        region.setAttribute('role', 'status');
        region.setAttribute('aria-live', 'polite');
        shadow.append(region);
        doc.documentElement.append(host);
      }
      region.textContent = message;
    },
    destroy() {
      host?.remove();
      host = null;
      region = null;
    },
  };
}
