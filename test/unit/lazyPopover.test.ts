import { describe, expect, test } from 'vitest';
import { createLazyPopoverHost } from '../../entrypoints/content/lazyPopover';
import type {
  PopoverAnchor,
  PopoverHost,
  PopoverHostOptions,
  PopoverTarget,
} from '../../entrypoints/content/popover';
import {
  createPopoverUiLoader,
  registeredPopoverUi,
  registerPopoverUi,
  type PopoverUi,
} from '../../entrypoints/content/popoverUi';

const anchor = (name: string) => ({ name }) as unknown as PopoverAnchor;
const target = (id: string) => ({ kind: 'incident', incidentId: id }) as unknown as PopoverTarget;
const OPTIONS = {} as PopoverHostOptions;
const ignore = () => undefined;

/** A UI whose hosts log what they are asked, and a load the test settles by hand. */
function fakeUi() {
  const log: string[] = [];
  let open = false;
  const host: PopoverHost = {
    open(a, t, o) {
      open = true;
      log.push(
        `open ${(a as unknown as { name: string }).name} ${(t as { incidentId: string }).incidentId} focus=${o.focus}`,
      );
    },
    update(a, t) {
      log.push(
        `update ${(a as unknown as { name: string }).name} ${(t as { incidentId: string }).incidentId}`,
      );
    },
    close() {
      open = false;
      log.push('close');
    },
    stage(a, t) {
      log.push(
        `stage ${(a as unknown as { name: string }).name} ${(t as { incidentId: string }).incidentId}`,
      );
    },
    unstage() {
      log.push('unstage');
    },
    isOpen: () => open,
    contains: (node) => node !== null,
    destroy() {
      log.push('destroy');
    },
  };
  const ui: PopoverUi = {
    createPopoverHost: () => {
      log.push('create');
      return host;
    },
  };
  let settle: (ok: boolean) => void = ignore;
  let loads = 0;
  const load = () => {
    loads += 1;
    return new Promise<PopoverUi>((resolve, reject) => {
      settle = (ok) => (ok ? resolve(ui) : reject(new Error('blocked')));
    });
  };
  return { log, load, settle: (ok: boolean) => settle(ok), loads: () => loads };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

type Step = (host: PopoverHost) => void;
const openA: Step = (h) => h.open(anchor('a'), target('i1'), { focus: false });
const openB: Step = (h) => h.open(anchor('b'), target('i2'), { focus: true });
const updateC: Step = (h) => h.update(anchor('c'), target('i3'));
const close: Step = (h) => h.close();
const destroy: Step = (h) => h.destroy();
const stageA: Step = (h) => h.stage?.(anchor('a'), target('i1'));
const unstage: Step = (h) => h.unstage?.();

describe('createLazyPopoverHost', () => {
  test.each<[string, Step[], Step[], string[]]>([
    ['opens once loaded', [openA], [], ['create', 'open a i1 focus=false']],
    ['only the latest request opens', [openA, openB], [], ['create', 'open b i2 focus=true']],
    ['closed before the load: nothing opens', [openA, close], [], ['create']],
    ['destroyed before the load: no host at all', [openA, destroy], [], []],
    [
      'updated while loading: opens on the new anchor',
      [openB, updateC],
      [],
      ['create', 'open c i3 focus=true'],
    ],
    ['closed, then updated: nothing opens', [openA, close, updateC], [], ['create']],
    [
      'updated after the load: passed to the host',
      [openA],
      [updateC],
      ['create', 'open a i1 focus=false', 'update c i3'],
    ],
    [
      'after the load, calls go straight through',
      [openA],
      [close, openB],
      ['create', 'open a i1 focus=false', 'close', 'open b i2 focus=true'],
    ],
    [
      'staged while loading: nothing staged (the open follows)',
      [openA, stageA],
      [],
      ['create', 'open a i1 focus=false'],
    ],
    [
      'staged and unstaged after the load: passed to the host',
      [openA],
      [close, stageA, unstage],
      ['create', 'open a i1 focus=false', 'close', 'stage a i1', 'unstage'],
    ],
  ])('%s', async (_label, before, after, expected) => {
    const ui = fakeUi();
    const host = createLazyPopoverHost(OPTIONS, ui.load, ignore);
    for (const step of before) step(host);
    ui.settle(true);
    await tick();
    for (const step of after) step(host);
    expect(ui.log).toEqual(expected);
    expect(ui.loads()).toBe(1);
  });

  test('isOpen and contains while loading, then from the real host', async () => {
    const ui = fakeUi();
    const host = createLazyPopoverHost(OPTIONS, ui.load, ignore);
    expect([host.isOpen(), host.contains({} as Node)]).toEqual([false, false]);
    openA(host);
    expect([host.isOpen(), host.contains({} as Node)]).toEqual([true, false]);
    ui.settle(true);
    await tick();
    expect([host.isOpen(), host.contains({} as Node)]).toEqual([true, true]);
  });

  test('a failed load is reported, opens nothing, and the next open tries again', async () => {
    const ui = fakeUi();
    const errors: string[] = [];
    const host = createLazyPopoverHost(OPTIONS, ui.load, (error) => errors.push(String(error)));
    openA(host);
    ui.settle(false);
    await tick();
    expect([errors, host.isOpen(), ui.log]).toEqual([['Error: blocked'], false, []]);
    openB(host);
    ui.settle(true);
    await tick();
    expect([ui.loads(), ui.log]).toEqual([2, ['create', 'open b i2 focus=true']]);
  });
});

describe('createPopoverUiLoader', () => {
  const ui: PopoverUi = { createPopoverHost: () => ({}) as PopoverHost };

  test('imports the script once, and finds what it registered', async () => {
    const world = {};
    const imported: string[] = [];
    const load = createPopoverUiLoader(
      () => 'chrome-extension://id/popover-ui.js',
      async (url) => {
        imported.push(url);
        registerPopoverUi(ui, world);
      },
      world,
    );
    const [first, second] = await Promise.all([load(), load()]);
    expect([first, second, await load(), imported]).toEqual([
      ui,
      ui,
      ui,
      ['chrome-extension://id/popover-ui.js'],
    ]);
    expect(registeredPopoverUi({})).toBeNull();
  });

  test.each([
    ['the import fails', () => Promise.reject(new Error('net::ERR_BLOCKED')), 'net::ERR_BLOCKED'],
    [
      'the script registers nothing',
      () => Promise.resolve(),
      'The popover script loaded but did not register itself',
    ],
  ])('%s: refused, and tried again next time', async (_label, importScript, message) => {
    let calls = 0;
    const load = createPopoverUiLoader(
      () => 'x',
      () => {
        calls += 1;
        return importScript();
      },
      {},
    );
    await expect(load()).rejects.toThrow(message);
    await expect(load()).rejects.toThrow(message);
    expect(calls).toBe(2);
  });
});

test('staging alone never loads the popover UI', async () => {
  const ui = fakeUi();
  const host = createLazyPopoverHost(OPTIONS, ui.load, ignore);
  stageA(host);
  unstage(host);
  await tick();
  expect([ui.loads(), ui.log]).toEqual([0, []]);
});
