// A lazy popover host prepared ahead of time: the UI is loaded and the host made, off the page, before any open.
import { describe, expect, test } from 'vitest';
import { createLazyPopoverHost } from '../../entrypoints/content/lazyPopover';
import type {
  PopoverAnchor,
  PopoverHost,
  PopoverHostOptions,
  PopoverTarget,
} from '../../entrypoints/content/popover';
import type { PopoverUi } from '../../entrypoints/content/popoverUi';

const anchor = {} as PopoverAnchor;
const target = { kind: 'incident', incidentId: 'x' } as unknown as PopoverTarget;

function setup() {
  const log: string[] = [];
  const host = {
    open: () => log.push('open'),
    update: () => undefined,
    close: () => undefined,
    isOpen: () => false,
    contains: () => false,
    destroy: () => log.push('destroy'),
    prerender: () => log.push('prerender'),
  } as PopoverHost;
  const ui: PopoverUi = {
    createPopoverHost: (options) => {
      log.push(`create attachOnOpen=${options.attachOnOpen}`);
      return host;
    },
  };
  let loads = 0;
  const load = () => {
    loads += 1;
    log.push('load');
    return Promise.resolve(ui);
  };
  const lazy = createLazyPopoverHost({} as PopoverHostOptions, load);
  return { lazy, log, loads: () => loads };
}

const settled = () => new Promise((done) => setTimeout(done, 0));

describe('createLazyPopoverHost: prepare', () => {
  test.each([
    {
      name: 'prepare, then open: one load, the host made before the open, which opens it at once',
      steps: ['prepare', 'settle', 'open'],
      log: ['load', 'create attachOnOpen=true', 'open'],
    },
    {
      name: 'prepare twice before the load settles: one load',
      steps: ['prepare', 'prepare', 'settle'],
      log: ['load', 'create attachOnOpen=true'],
    },
    {
      name: 'prepare after the host exists: nothing more',
      steps: ['open', 'settle', 'prepare', 'settle'],
      log: ['load', 'create attachOnOpen=true', 'open'],
    },
    {
      name: 'prerender once the host is made: rendered there',
      steps: ['prepare', 'settle', 'prerender', 'open'],
      log: ['load', 'create attachOnOpen=true', 'prerender', 'open'],
    },
    {
      name: 'prerender before the host is made: nothing (it is made on the open)',
      steps: ['prerender', 'open', 'settle'],
      log: ['load', 'create attachOnOpen=true', 'open'],
    },
    {
      name: 'prerender while an open waits for the UI: nothing, the open shows its own target',
      steps: ['prepare', 'open', 'prerender', 'settle'],
      log: ['load', 'create attachOnOpen=true', 'open'],
    },
    {
      name: 'destroyed before the load settles: no host made',
      steps: ['prepare', 'destroy', 'settle', 'prepare', 'settle'],
      log: ['load'],
    },
  ])('$name', async ({ steps, log: expected }) => {
    const { lazy, log } = setup();
    for (const step of steps) {
      if (step === 'prepare') lazy.prepare?.();
      else if (step === 'prerender') lazy.prerender?.(target);
      else if (step === 'open') lazy.open(anchor, target, { focus: false });
      else if (step === 'destroy') lazy.destroy();
      else await settled();
    }
    expect(log).toEqual(expected);
  });
});

test('a host that cannot be made (a document with no HTML elements) is reported, not thrown', async () => {
  const reported: string[] = [];
  const ui: PopoverUi = {
    createPopoverHost: () => {
      throw new Error('no style here');
    },
  };
  const lazy = createLazyPopoverHost(
    {} as PopoverHostOptions,
    () => Promise.resolve(ui),
    (error) => reported.push((error as Error).message),
  );
  lazy.prepare?.();
  await settled();
  expect([reported, lazy.isOpen()]).toEqual([['no style here'], false]);
});
