/**
 * Entry for the popover gallery (test/e2e/popover.test.ts): bundled on the
 * fly and injected into a plain fixture page, it exposes one function that
 * opens the real popover host on a phrase of the page, so the popover can be
 * checked and photographed in Chromium without the rest of the extension.
 */
import { createPopoverHost, type PopoverTarget } from '../../entrypoints/content/popover';

declare global {
  interface Window {
    triangulateGallery: {
      open(
        target: PopoverTarget,
        phrase: string,
        theme: 'auto' | 'light' | 'dark',
        focus: boolean,
      ): void;
      closes: number;
    };
  }
}

let destroy: (() => void) | null = null;

function rangeOf(phrase: string): Range {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const at = node.nodeValue?.indexOf(phrase) ?? -1;
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + phrase.length);
    return range;
  }
  throw new Error(`"${phrase}" is not on the page`);
}

window.triangulateGallery = {
  closes: 0,
  open(target, phrase, theme, focus) {
    destroy?.();
    const host = createPopoverHost({
      document,
      theme,
      onClose: () => {
        window.triangulateGallery.closes += 1;
        host.close();
      },
      onPointerEnter: () => undefined,
      onPointerLeave: () => undefined,
    });
    destroy = () => host.destroy();
    const range = rangeOf(phrase);
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    host.open(range, target, { focus });
  },
};
