/**
 * `npm run annotate -- <file.html|file.txt|http(s)-url> [--url page-url]
 * [--published YYYY-MM-DD] [--json] [--dataset file]`: the extension's
 * reading of a page, in a terminal. HTML goes through the same visible-text
 * and page-signal code as the content script (on linkedom), so what this
 * prints is what the extension would highlight.
 *
 * Exit codes: 0 done, 1 bad input (usage, missing file, unreadable page,
 * network failure), 2 a dataset that does not validate.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { parseHTML } from 'linkedom';
import { annotate, type Annotation } from '../core/annotate';
import { summarizeIncident, type IncidentSummary } from '../core/compare';
import { DatasetIndex } from '../core/datasetIndex';
import { formatAnnotation } from '../core/format';
import { parseDataset } from '../core/schema';
import type { PageSignals } from '../core/types';
import { bundledDataset } from '../data/index';
import { collectPageSignals } from '../page/signals';
import { extractVisibleText } from '../page/visibleText';

const USAGE =
  'usage: annotate <file.html|file.txt|http(s)-url> [--url page-url] [--published YYYY-MM-DD] [--json] [--dataset file]';
/** Pages larger than this are refused: no news article is 5 MB of HTML. */
const MAX_PAGE_BYTES = 5_000_000;
const FETCH_TIMEOUT_MS = 20_000;

class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

interface Options {
  source: string;
  url: string | null;
  published: string | null;
  json: boolean;
  dataset: string | null;
}

function readOptions(argv: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        url: { type: 'string' },
        published: { type: 'string' },
        dataset: { type: 'string' },
      },
    });
  } catch (error) {
    throw new CliError(`${messageOf(error)}; ${USAGE}`, 1);
  }
  const [source, ...extra] = parsed.positionals;
  if (source === undefined || extra.length > 0) throw new CliError(USAGE, 1);
  const { url, published, dataset, json } = parsed.values;
  if (url !== undefined && !/^https?:\/\/\S+$/i.test(url))
    throw new CliError(`--url must be an http(s) address: ${url}`, 1);
  if (published !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(published)) {
    throw new CliError(`--published must be YYYY-MM-DD: ${published}`, 1);
  }
  return {
    source,
    url: url ?? null,
    published: published ?? null,
    json: json === true,
    dataset: dataset ?? null,
  };
}

/** The page as text or HTML, and the address it came from if known. */
async function loadPage(
  options: Options,
): Promise<{ body: string; isHtml: boolean; url: string | null }> {
  if (/^https?:\/\//i.test(options.source)) {
    const { body, contentType } = await fetchPage(options.source);
    const isHtml = /html|xml/i.test(contentType) || /^\s*</.test(body);
    return { body, isHtml, url: options.url ?? options.source };
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(options.source);
  } catch (error) {
    throw new CliError(`cannot read ${options.source}: ${messageOf(error)}`, 1);
  }
  if (bytes.length > MAX_PAGE_BYTES)
    throw new CliError(`${options.source} is larger than ${MAX_PAGE_BYTES} bytes`, 1);
  const body = decodeText(bytes, options.source);
  const extension = extname(options.source).toLowerCase();
  const isHtml =
    ['.html', '.htm', '.xhtml'].includes(extension) || (extension !== '.txt' && /^\s*</.test(body));
  return { body, isHtml, url: options.url };
}

async function fetchPage(url: string): Promise<{ body: string; contentType: string }> {
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      redirect: 'follow',
    });
  } catch (error) {
    throw new CliError(`cannot fetch ${url}: ${messageOf(error)}`, 1);
  }
  if (!response.ok) throw new CliError(`cannot fetch ${url}: HTTP ${response.status}`, 1);
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType !== '' && !/text|html|xml/i.test(contentType)) {
    throw new CliError(`${url} is not a text or HTML page (${contentType})`, 1);
  }
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > MAX_PAGE_BYTES)
    throw new CliError(`${url} is larger than ${MAX_PAGE_BYTES} bytes`, 1);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  try {
    for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) {
      size += chunk.value.byteLength;
      if (size > MAX_PAGE_BYTES) {
        await reader?.cancel();
        throw new CliError(`${url} is larger than ${MAX_PAGE_BYTES} bytes`, 1);
      }
      chunks.push(chunk.value);
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot fetch ${url}: ${messageOf(error)}`, 1);
  }
  return { body: decodeText(Buffer.concat(chunks), url), contentType };
}

/** UTF-8 text, or a clear refusal for binary or mis-encoded files. */
function decodeText(bytes: Uint8Array, name: string): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.includes('\u0000')) throw new Error('binary content');
    return text;
  } catch {
    throw new CliError(`${name} is not readable UTF-8 text or HTML`, 1);
  }
}

function pageInput(
  page: { body: string; isHtml: boolean; url: string | null },
  published: string | null,
) {
  let text: string;
  let signals: PageSignals;
  if (page.isHtml) {
    try {
      const { document } = parseHTML(page.body);
      text = extractVisibleText(document).text;
      signals = collectPageSignals(document);
    } catch (error) {
      throw new CliError(`cannot read the HTML: ${messageOf(error)}`, 1);
    }
  } else {
    text = page.body.replace(/\r\n?/g, '\n');
    signals = { url: null, title: null, lang: null, metas: {}, jsonLd: [], times: [] };
  }
  if (page.url !== null) signals = { ...signals, url: page.url };
  if (published !== null) {
    signals = { ...signals, metas: { ...signals.metas, 'article:published_time': published } };
  }
  return { text, signals };
}

async function loadIndex(file: string | null): Promise<DatasetIndex> {
  let data: unknown = bundledDataset;
  const name = file ?? 'the bundled dataset';
  if (file !== null) {
    let raw: string;
    try {
      raw = await readFile(file, 'utf8');
    } catch (error) {
      throw new CliError(`cannot read dataset ${file}: ${messageOf(error)}`, 2);
    }
    try {
      data = JSON.parse(raw);
    } catch (error) {
      throw new CliError(`dataset ${file} is not JSON: ${messageOf(error)}`, 2);
    }
  }
  const result = parseDataset(data, 5);
  if (!result.ok) {
    throw new CliError(`dataset ${name} is invalid: ${result.errors.join('; ')}`, 2);
  }
  return new DatasetIndex(result.dataset);
}

function readable(annotation: Annotation, index: DatasetIndex): string {
  const summaries = new Map<string, IncidentSummary>();
  for (const { id } of annotation.incidents) {
    const incident = index.incident(id);
    if (incident !== undefined) summaries.set(id, summarizeIncident(index.bundle(incident)));
  }
  const outletName =
    annotation.page.outlet === null ? null : (index.outlet(annotation.page.outlet)?.name ?? null);
  return formatAnnotation(annotation, { outletName, summaries });
}

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${error.message}${cause}`.replace(/\s+/g, ' ');
  }
  return String(error);
}

async function main(argv: string[]): Promise<number> {
  try {
    const options = readOptions(argv);
    const index = await loadIndex(options.dataset);
    const input = pageInput(await loadPage(options), options.published);
    const annotation = annotate(input, index);
    process.stdout.write(
      options.json ? `${JSON.stringify(annotation, null, 2)}\n` : readable(annotation, index),
    );
    return 0;
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    process.stderr.write(`annotate: ${error.message}\n`);
    return error.exitCode;
  }
}

process.exitCode = await main(process.argv.slice(2));
