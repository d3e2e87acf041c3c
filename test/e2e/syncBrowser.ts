/**
 * A Chromium for the sync e2e test and the browser sync benchmark: the built
 * extension, copied to a temporary folder whose manifest also lists
 * http://127.0.0.1/* in host_permissions, so the local dataset server is
 * granted at install.
 *
 * Why a copy: Options asks for a source's origin with
 * chrome.permissions.request (optional_host_permissions), and Chromium
 * answers that with a browser dialog that neither headless mode nor
 * Playwright can accept (microsoft/playwright#32755: out of scope). Granting
 * the one test origin at install is the closest real path: sync still checks
 * it with permissions.contains exactly as for a source the user allowed. The
 * copy also keeps a run safe from another engineer rebuilding .output/.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import {
  chromiumPath,
  extensionArgs,
  requireBuiltExtension,
  type ExtensionBrowser,
} from './harness';
import type { MessageType, Reply, RequestOf, ResponseOf } from '../../messaging/protocol';

export const TEST_HOST_PERMISSION = 'http://127.0.0.1/*';

/** Launches Chromium with a copy of the built extension granted TEST_HOST_PERMISSION. */
export async function launchWithHostPermission(
  options: { jsFlags?: string } = {},
): Promise<ExtensionBrowser> {
  const built = requireBuiltExtension();
  const workDir = await mkdtemp(join(tmpdir(), 'triangulate-sync-'));
  const extensionDir = join(workDir, 'extension');
  await cp(built, extensionDir, { recursive: true });
  const manifestPath = join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
  manifest.host_permissions = [TEST_HOST_PERMISSION];
  await writeFile(manifestPath, JSON.stringify(manifest));

  const context = await chromium.launchPersistentContext(join(workDir, 'profile'), {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1200, height: 900 },
    args: extensionArgs(extensionDir, options.jsFlags ? [`--js-flags=${options.jsFlags}`] : []),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async close() {
      await context.close();
      await rm(workDir, { recursive: true, force: true });
    },
  };
}

/** Sends a protocol message to the background from an extension page (the popup's own path). */
export async function sendFromPage<T extends MessageType>(
  page: Page,
  type: T,
  payload: RequestOf<T>,
): Promise<ResponseOf<T>> {
  const reply = (await page.evaluate((message) => chrome.runtime.sendMessage(message), {
    type,
    payload,
  } as Record<string, unknown>)) as Reply<ResponseOf<T>> | undefined;
  if (!reply) throw new Error(`no reply to ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}

/** Writes the settings the way Options does (browser.storage.local, key 'settings'). */
export async function writeSettings(browser: ExtensionBrowser, settings: unknown): Promise<void> {
  await browser.worker.evaluate(
    (value) => chrome.storage.local.set({ settings: value }),
    settings as Record<string, unknown>,
  );
}

/**
 * Stops the extension's service worker as the browser does when it idles
 * (DevTools' ServiceWorker.stopAllWorkers, from an extension page, which
 * shares the worker's origin). Resolves once DevTools reports it stopped;
 * the returned function resolves when a worker of the extension runs again.
 * (Playwright's Worker object does not notice either change.)
 */
export async function stopServiceWorker(page: Page): Promise<{ running: () => Promise<void> }> {
  const session = await page.context().newCDPSession(page);
  const statuses: string[] = [];
  const waiters: { status: string; resolve: () => void }[] = [];
  session.on(
    'ServiceWorker.workerVersionUpdated',
    (event: { versions: { runningStatus: string }[] }) => {
      for (const version of event.versions) {
        statuses.push(version.runningStatus);
        for (const waiter of waiters.filter((w) => w.status === version.runningStatus))
          waiter.resolve();
      }
    },
  );
  const reach = (status: string) =>
    new Promise<void>((resolve) => {
      const stopIndex = statuses.lastIndexOf('stopped');
      if (status === 'stopped' ? stopIndex !== -1 : statuses.slice(stopIndex + 1).includes(status))
        resolve();
      else waiters.push({ status, resolve });
    });
  await session.send('ServiceWorker.enable');
  await session.send('ServiceWorker.stopAllWorkers');
  await reach('stopped');
  return {
    running: async () => {
      await reach('running');
      await session.detach();
    },
  };
}

/**
 * The extension's service worker as a DevTools target, reached from a page's
 * CDP session (Target.attachToTarget, unflattened, so plain JSON messages
 * travel through Target.sendMessageToTarget): for its heap size and to stop it.
 */
export async function serviceWorkerTarget(page: Page, extensionId: string) {
  const session: CDPSession = await page.context().newCDPSession(page);
  const { targetInfos } = (await session.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  const target = targetInfos.find(
    (info) =>
      info.type === 'service_worker' && info.url.startsWith(`chrome-extension://${extensionId}/`),
  );
  if (!target) throw new Error('no service worker target for the extension');
  const { sessionId } = (await session.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  })) as { sessionId: string };
  let nextId = 1;
  const pending = new Map<number, (result: unknown) => void>();
  session.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result ?? message.error);
  });
  const send = (method: string, params: object = {}): Promise<unknown> => {
    const id = nextId++;
    const answer = new Promise<unknown>((resolve) => pending.set(id, resolve));
    void session.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id, method, params }),
    });
    return answer;
  };
  return {
    targetId: target.targetId,
    send,
    /** The worker's JS heap in bytes: used now, and the heap's current size. */
    heapUsage: () =>
      send('Runtime.getHeapUsage') as Promise<{ usedSize: number; totalSize: number }>,
    detach: () => session.detach(),
  };
}

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
};
