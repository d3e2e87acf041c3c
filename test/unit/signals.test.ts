// Page signals: what the markup says about the page, read from a linkedom document and capped.
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { collectPageSignals, SIGNAL_LIMITS } from '../../page/signals';

const documentOf = (html: string, url?: string): Document => {
  const globals = url === undefined ? {} : { location: new URL(url) };
  return parseHTML(html, globals as never).document as unknown as Document;
};

const ARTICLE = `<!doctype html>
<html lang="en-US">
<head>
  <title>At Least 10 Killed in Armed Attacks in Tajikistan | RFE/RL</title>
  <meta property="og:site_name" content="RFE/RL">
  <meta property="og:title" content=" At Least 10 Killed in Armed Attacks in Tajikistan ">
  <meta property="article:published_time" content="2015-09-04T23:30:00+05:00">
  <meta name="Description" content="Attacks in Dushanbe and Vahdat">
  <meta name="description" content="a second description is ignored">
  <meta http-equiv="Content-Language" content="en">
  <meta itemprop="datePublished" content="2015-09-04">
  <meta name="empty" content="">
  <script type="application/ld+json">[{"@type":"NewsArticle","headline":"Array"}]</script>
  <script type="application/ld+json; charset=utf-8">{"@graph":[{"@type":"WebPage"},{"@type":"Article"}]}</script>
  <script type="application/ld+json">{ broken json,</script>
  <script type="text/javascript">var notJsonLd = 1;</script>
</head>
<body>
  <time datetime="2015-09-04T12:00">Sept. 4</time>
  <time>no datetime</time>
  <time datetime=" 2015-09-05 ">later</time>
</body>
</html>`;

describe('collectPageSignals', () => {
  test('reads title, lang, url, metas, JSON-LD and times', () => {
    const signals = collectPageSignals(
      documentOf(ARTICLE, 'https://www.rferl.org/a/27227845.html'),
    );
    expect(signals).toEqual({
      url: 'https://www.rferl.org/a/27227845.html',
      title: 'At Least 10 Killed in Armed Attacks in Tajikistan | RFE/RL',
      lang: 'en-US',
      metas: {
        'og:site_name': 'RFE/RL',
        'og:title': 'At Least 10 Killed in Armed Attacks in Tajikistan',
        'article:published_time': '2015-09-04T23:30:00+05:00',
        description: 'Attacks in Dushanbe and Vahdat',
        'content-language': 'en',
        datepublished: '2015-09-04',
      },
      jsonLd: [
        '[{"@type":"NewsArticle","headline":"Array"}]',
        '{"@graph":[{"@type":"WebPage"},{"@type":"Article"}]}',
        '{ broken json,',
      ],
      times: ['2015-09-04T12:00', '2015-09-05'],
    });
  });

  test.each<[string, string | undefined, string | null]>([
    ['an http page', 'http://example.org/news', 'http://example.org/news'],
    ['no location at all', undefined, null],
    ['a non-http location', 'file:///tmp/page.html', null],
  ])('url of %s', (_label, url, expected) => {
    expect(collectPageSignals(documentOf('<html><body></body></html>', url)).url).toBe(expected);
  });

  test('an empty page gives empty signals', () => {
    expect(collectPageSignals(documentOf('<html><head></head><body></body></html>'))).toEqual({
      url: null,
      title: null,
      lang: null,
      metas: {},
      jsonLd: [],
      times: [],
    });
  });

  test('counts and sizes are capped', () => {
    const ld = '<script type="application/ld+json">{"@type":"Thing"}</script>';
    const huge = `<script type="application/ld+json">{"x":"${'a'.repeat(SIGNAL_LIMITS.jsonLdBytes)}"}</script>`;
    const times = Array.from(
      { length: 60 },
      (_, i) => `<time datetime="2015-09-${String((i % 28) + 1).padStart(2, '0')}"></time>`,
    ).join('');
    const metas = Array.from({ length: 400 }, (_, i) => `<meta name="k${i}" content="v${i}">`).join(
      '',
    );
    const long = `<meta name="long" content="${'x'.repeat(5_000)}">`;
    const html = `<html><head>${long}${metas}${huge}${ld.repeat(25)}</head><body>${times}</body></html>`;
    const signals = collectPageSignals(documentOf(html));
    expect(signals.jsonLd).toHaveLength(SIGNAL_LIMITS.jsonLdBlocks);
    expect(signals.jsonLd[0]).toBe('{"@type":"Thing"}');
    expect(signals.times).toHaveLength(SIGNAL_LIMITS.times);
    expect(Object.keys(signals.metas)).toHaveLength(SIGNAL_LIMITS.metas);
    expect(signals.metas['long']).toHaveLength(SIGNAL_LIMITS.metaValueLength);
  });
});
