/**
 * The content script's hold on the page (entrypoints/content/pageContext.ts):
 * a single-page site's address changes reach the session (it reads the page
 * again for the new address), and a content script whose extension was
 * reloaded or updated finds out and lets go of the page.
 */
import { describe, expect, test } from 'vitest';
import { createPageContext } from '../../entrypoints/content/pageContext';

/** A window with an address, timers run by hand, and optionally the Navigation API. */
function fakeWindow(withNavigation: boolean) {
  const location = { href: 'https://news.example/a' };
  const timers = new Map<number, () => void>();
  let nextTimer = 1;
  const navigation = new EventTarget();
  const win = {
    location,
    setInterval: (callback: () => void) => {
      timers.set(nextTimer, callback);
      return nextTimer++;
    },
    clearInterval: (id: number) => timers.delete(id),
    ...(withNavigation ? { navigation } : {}),
  } as unknown as Window;
  return {
    win,
    timers,
    /** The Navigation API's event for a same-document navigation to `url`. */
    navigate(url: string) {
      navigation.dispatchEvent(Object.assign(new Event('navigate'), { destination: { url } }));
      location.href = url;
    },
    /** pushState where there is no Navigation API: the address changes, a poll notices. */
    pushState(url: string) {
      location.href = url;
    },
    tick() {
      for (const callback of timers.values()) callback();
    },
  };
}

describe('page context', () => {
  test('with the Navigation API: each new address is reported once, the same one never', () => {
    const page = fakeWindow(true);
    const context = createPageContext(page.win, { extensionAlive: () => true });
    const seen: string[] = [];
    context.onLocationChange(() => seen.push(page.win.location.href));
    page.navigate('https://news.example/a');
    page.navigate('https://news.example/b');
    page.navigate('https://news.example/b');
    page.navigate('https://news.example/c#part');
    // The callback runs when the navigation starts, before the address is committed.
    expect(seen).toEqual(['https://news.example/a', 'https://news.example/b']);
    // The one timer checks the extension; it does not compare addresses here.
    page.pushState('https://news.example/d');
    page.tick();
    expect([seen.length, page.timers.size]).toEqual([2, 1]);
  });

  test('without it: the address is compared every second', () => {
    const page = fakeWindow(false);
    const context = createPageContext(page.win, { extensionAlive: () => true });
    let changes = 0;
    context.onLocationChange(() => (changes += 1));
    page.tick();
    page.pushState('https://news.example/b');
    page.tick();
    page.tick();
    page.pushState('https://news.example/c');
    page.tick();
    expect([changes, page.timers.size]).toEqual([2, 1]);
  });

  test('an extension reloaded while nothing asks: the next check finds it, callbacks run once', () => {
    const page = fakeWindow(true);
    let alive = true;
    const context = createPageContext(page.win, { extensionAlive: () => alive });
    let invalidated = 0;
    context.onInvalidated(() => (invalidated += 1));
    page.tick();
    expect(invalidated).toBe(0);
    alive = false;
    page.tick();
    expect([invalidated, page.timers.size, context.isInvalid]).toEqual([1, 0, true]);
  });

  test('an extension reloaded or updated: invalid from the next check, callbacks once, watching stops', () => {
    const page = fakeWindow(false);
    let alive = true;
    const context = createPageContext(page.win, { extensionAlive: () => alive });
    let invalidated = 0;
    let changes = 0;
    context.onInvalidated(() => (invalidated += 1));
    context.onLocationChange(() => (changes += 1));
    expect(context.isInvalid).toBe(false);
    alive = false;
    expect([context.isInvalid, context.isInvalid, invalidated]).toEqual([true, true, 1]);
    expect(page.timers.size).toBe(0);
    page.pushState('https://news.example/b');
    page.tick();
    expect(changes).toBe(0);
  });
});
