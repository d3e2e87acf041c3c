/**
 * The content script: small and fast, no database. On document idle it
 * annotates the page once (./annotate.ts) and reports the outcome as data-*
 * attributes on <html>, which tests read without touching the page's text.
 * Everything it adds is removed when the extension reloads or updates.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { annotatePage, type AnnotationResult } from './annotate';
import { clearHighlights, highlightApiAvailable } from './highlights';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    if (!highlightApiAvailable() || !document.body) return;
    ctx.onInvalidated(() => clearHighlights(document));
    const root = document.documentElement;
    root.dataset.triangulate = 'running';
    try {
      const result = await annotatePage(document, () => ctx.isInvalid);
      if (result) report(root, result);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      root.dataset.triangulate = 'error';
      root.dataset.triangulateError = message.slice(0, 300);
      console.warn('Triangulate could not annotate this page:', message);
    }
  },
});

function report(root: HTMLElement, { reply, painted }: AnnotationResult): void {
  root.dataset.triangulateActors = String(painted['triangulate-actor']);
  root.dataset.triangulatePlaces = String(painted['triangulate-place']);
  root.dataset.triangulateKeywords = String(painted['triangulate-incident']);
  root.dataset.triangulateFigures = String(
    painted['triangulate-figure-agrees'] +
      painted['triangulate-figure-disputed'] +
      painted['triangulate-figure-outside'],
  );
  root.dataset.triangulateIncidents = reply.incidents
    .map((incident) => incident.incidentId)
    .join(',');
  root.dataset.triangulate = 'ready';
}
