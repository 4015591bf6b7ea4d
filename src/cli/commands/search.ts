import { StringDecoder } from 'node:string_decoder';
import { parseArgs } from 'node:util';
import { openSearchIndex } from '../../compose.js';
import type { Config } from '../../config.js';
import { UsageError } from '../../domain/errors.js';
import type { HighlightPart } from '../../ports/search-index.js';
import { escapeControlCharacters } from '../../services/programme/control-characters.js';
import { FACET_NAMES, SearchRequestError, SORT_ORDERS } from '../../services/search/search-request.js';
import { SearchService } from '../../services/search/search-service.js';
import { DEFAULT_LOCALE } from '../../http/locale.js';
import { openSearchCsv, SEARCH_CSV_BOUND, SEARCH_CSV_COLUMNS } from '../../http/search-csv.js';
import { withUrls, type LinkedSearchResult } from '../../http/view-models/api-search.js';
import { formatDuration } from '../format.js';
import type { CliIo } from '../io.js';

export const SEARCH_HELP = `Usage: mediacommuns search <query> [--filter name=value …] [--sort order] [--page N] [--json]

The same search the website runs: talks, podcasts and documents where the words are said or
written, each with its best passages and the second (or page) where the words are. No accents
needed, typos forgiven; an empty query lists the archive, newest first.

  --filter name=value   ${FACET_NAMES.slice(0, 7).join(', ')},
                        ${FACET_NAMES.slice(7).join(', ')}
                        (repeat a name for any of several values; different names all apply)
  --sort order          ${SORT_ORDERS.join(', ')} (default: relevance)
  --page N              page of 20 items (default 1)
  --json                {query, total, items: [{id, title, kind, url, passages: [{start, end,
                        page, text, source, …}], …}], facets, …}: start/end, the cue where
                        the first matched word is said; passageStart/passageEnd, the passage
  --csv                 every result (at most ${SEARCH_CSV_BOUND} items, --page ignored), one row per
                        passage: ${SEARCH_CSV_COLUMNS.slice(0, 8).join(', ')},
                        ${SEARCH_CSV_COLUMNS.slice(8).join(', ')} (UTF-8 with BOM; links start
                        with PUBLIC_URL when it is set)

Meilisearch reads the first 10 words of a query (le, la, les… do not count); longer queries are
searched on those and the words left out are named.
Exit code: 0 all good, 2 bad usage, bad filter, or search unavailable.`;

export async function searchCommand(args: string[], config: Readonly<Config>, io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      filter: { type: 'string', multiple: true, short: 'f' },
      sort: { type: 'string' },
      page: { type: 'string' },
      json: { type: 'boolean' },
      csv: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help) {
    io.out(`${SEARCH_HELP}\n`);
    return 0;
  }
  const filters = (values.filter ?? []).map((text): [string, string] => {
    const equals = text.indexOf('=');
    if (equals < 1) throw new UsageError(`--filter "${escapeControlCharacters(text)}": expected name=value (names: ${FACET_NAMES.join(', ')})`);
    return [text.slice(0, equals), text.slice(equals + 1)];
  });
  const search = await openSearchIndex(config);
  try {
    const request = { q: positionals.join(' '), filters, sort: values.sort ?? null, page: values.page ?? null };
    if (values.csv) {
      const csv = await openSearchCsv(new SearchService(search.index), request, DEFAULT_LOCALE, config.publicUrl ?? '');
      // Rows arrive as bytes: a decoder keeps a character cut between two chunks whole.
      const decoder = new StringDecoder('utf8');
      for await (const chunk of csv.stream) io.out(decoder.write(chunk as Buffer));
      io.out(decoder.end());
      return 0;
    }
    // The service returns ids and positions; the site's canonical paths are added as the web API adds its URLs.
    const result = withUrls(await new SearchService(search.index).search(request), DEFAULT_LOCALE);
    io.out(values.json ? `${JSON.stringify(result, null, 2)}\n` : render(result, io.isTty && !process.env.NO_COLOR));
    return 0;
  } catch (error) {
    if (!(error instanceof SearchRequestError)) throw error;
    for (const problem of error.messages) io.err(`${escapeControlCharacters(`error: ${problem}`)}\n`);
    return 2;
  } finally {
    await search.index.close();
  }
}

function render(result: LinkedSearchResult, bold: boolean): string {
  const line = (text: string): string => `${escapeControlCharacters(text)}\n`;
  const mark = (parts: HighlightPart[]): string =>
    parts.map((p) => (p.match && bold ? `\x1b[1m${escapeControlCharacters(p.text)}\x1b[22m` : escapeControlCharacters(p.text))).join('');
  let out = line(`${result.total} item(s) ${result.query ? `for «${result.query}»` : 'in the archive'}${result.pageCount > 1 ? ` — page ${result.page} of ${result.pageCount}` : ''}`);
  if (result.limited) {
    out += line(`note: Meilisearch reads 10 words: searched «${result.limited.searched}», left out: ${result.limited.dropped.join(' ') || '(the end of the query)'}`);
  }
  result.items.forEach((item, i) => {
    const rank = (result.page - 1) * result.hitsPerPage + i + 1;
    out += `\n${rank}. ${mark(item.titleParts)}\n`;
    out += line(`   ${item.kind}, ${item.edition}${item.speakers.length ? ` — ${item.speakers.join(', ')}` : ''} — ${item.url}`);
    for (const p of item.passages) {
      const where = p.page !== null ? `p. ${p.page}` : formatDuration(p.start);
      out += `   ${where.padStart(7)}  ${mark(p.snippet)}\n`;
      out += line(`            ${p.source} — ${p.url}`);
    }
  });
  const facets = (['kind', 'edition', 'theme'] as const)
    .map((name) => [name, Object.entries(result.facets[name] ?? {})] as const)
    .filter(([, counts]) => counts.length > 1)
    .map(([name, counts]) => line(`${name}: ${counts.map(([value, n]) => `${value} (${n})`).join(', ')}`));
  return facets.length ? `${out}\n${facets.join('')}` : out;
}
