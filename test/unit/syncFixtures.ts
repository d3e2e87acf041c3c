/**
 * Datasets, snapshots and a static HTTP server for the sync tests (Node and
 * e2e): the bundled dataset, a v2 of it with one new incident (new actor, new
 * place, a report and a figure), snapshot files built by the real builder,
 * and a node:http server on 127.0.0.1 whose routes a test rewrites.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bundledDataset } from '../../data/index';
import { parseDataset, type Dataset } from '../../core/schema';
import { snapshotLines } from '../../core/snapshot';
import { gzipLines, makeManifest } from '../../scripts/snapshotFile';
import type { Manifest } from '../../core/manifest';

export function bundled(): Dataset {
  const parsed = parseDataset(bundledDataset);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.dataset;
}

export const NEW_INCIDENT_ID = 'tj-2024-03-14-sarband-ambush';
export const NEW_ACTOR_NAME = 'Ilhom Sabzaliev';

/** The bundled dataset plus one incident nobody has heard of, as version `version`. */
export function withNewIncident(version = 2): Dataset {
  const base = bundled();
  return {
    ...base,
    meta: { ...base.meta, version },
    actors: [
      ...base.actors,
      {
        id: 'ilhom-sabzaliev',
        name: NEW_ACTOR_NAME,
        kind: 'person',
        aliases: ['Ilhom Sabzaliev', 'Илхом Сабзалиев'],
        weakAliases: [],
        description: 'Fictional commander, for the sync tests.',
        links: [],
      },
    ],
    places: [
      ...base.places,
      {
        id: 'sarband-checkpoint',
        name: 'Sarband checkpoint',
        kind: 'site',
        aliases: [],
        admin: 'Khatlon',
        country: 'TJ',
        lat: null,
        lon: null,
      },
    ],
    incidents: [
      ...base.incidents,
      {
        id: NEW_INCIDENT_ID,
        title: 'Ambush on the Sarband checkpoint (fictional)',
        kind: 'ambush',
        startDate: '2024-03-14',
        endDate: '2024-03-14',
        datePrecision: 'day',
        placeIds: ['sarband-checkpoint'],
        actors: [{ actorId: 'ilhom-sabzaliev', role: 'perpetrator' }],
        parentId: null,
        keywords: ['Sarband checkpoint ambush'],
        summary: 'A fictional incident that only a synced dataset knows.',
      },
    ],
    reports: [
      ...base.reports,
      {
        id: 'sync-test-report',
        incidentId: NEW_INCIDENT_ID,
        outletId: base.outlets[0]!.id,
        url: 'https://news.example.org/sarband',
        capture: null,
        publishedAt: '2024-03-14',
        publishedAtInferred: false,
        title: 'Six border guards killed at Sarband checkpoint',
        language: 'en',
        via: [],
        eventDate: null,
      },
    ],
    figures: [
      ...base.figures,
      {
        id: 'sync-test-report.1',
        reportId: 'sync-test-report',
        incidentId: NEW_INCIDENT_ID,
        outcome: 'killed',
        side: 'security',
        sideLabel: 'border guards',
        low: 6,
        high: 6,
        qualifier: 'exact',
        attributedTo: 'the border service',
        attributionKind: 'official',
        quote: 'six border guards were killed',
      },
    ],
  };
}

export interface Published {
  manifest: Manifest;
  snapshot: Buffer;
}

/** Builds snapshot and manifest as `npm run dataset -- build` does. */
export async function publish(
  dataset: Dataset,
  privateKeyPem: string | null = null,
): Promise<Published> {
  const snapshot = await gzipLines(snapshotLines(dataset));
  return { manifest: makeManifest(dataset, snapshot, privateKeyPem), snapshot };
}

/** A manifest that matches arbitrary snapshot bytes (for corrupt-content cases). */
export function manifestFor(bytes: Buffer, base: Manifest): Manifest {
  return {
    ...base,
    snapshot: {
      ...base.snapshot,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.byteLength,
    },
  };
}

export function keyPair(): { privateKeyPem: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: Buffer.from(jwk.x ?? '', 'base64url').toString('base64'),
  };
}

export interface Route {
  status?: number;
  body?: Buffer | string;
  headers?: Record<string, string>;
  /** Send the headers and this many bytes, then wait this long before the rest. */
  stallAfter?: { bytes: number; ms: number };
}

export interface TestServer {
  origin: string;
  routes: Map<string, Route>;
  /** Requests seen, as "METHOD path if-none-match". */
  log: string[];
  serve(dataset: Published, prefix?: string): void;
  close(): Promise<void>;
}

export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, Route>();
  const log: string[] = [];
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    log.push(`${request.method} ${path} ${request.headers['if-none-match'] ?? '-'}`);
    const route = routes.get(path);
    if (!route) {
      response.writeHead(404).end('not found');
      return;
    }
    const body =
      typeof route.body === 'string' ? Buffer.from(route.body) : (route.body ?? Buffer.alloc(0));
    const etag = route.headers?.etag;
    if (etag && request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag }).end();
      return;
    }
    response.writeHead(route.status ?? 200, {
      'access-control-allow-origin': '*',
      ...route.headers,
    });
    if (route.stallAfter) {
      response.write(body.subarray(0, route.stallAfter.bytes));
      const timer = setTimeout(
        () => response.end(body.subarray(route.stallAfter!.bytes)),
        route.stallAfter.ms,
      );
      response.on('close', () => clearTimeout(timer));
      return;
    }
    response.end(body);
  };
  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    routes,
    log,
    serve(published, prefix = '/data') {
      routes.set(`${prefix}/manifest.json`, {
        body: JSON.stringify(published.manifest),
        headers: {
          'content-type': 'application/json',
          etag: `"v${published.manifest.version}-${published.manifest.snapshot.sha256.slice(0, 8)}"`,
        },
      });
      routes.set(`${prefix}/${published.manifest.snapshot.url}`, { body: published.snapshot });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
