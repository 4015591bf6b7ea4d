/**
 * Requests that are not a person watching, reading or downloading: crawlers, link previews,
 * monitors, command-line and library clients, headless browsers, and pages fetched ahead by the
 * browser in case they are opened (prefetch, prerender). They are answered as usual, never counted.
 */
const AUTOMATED_AGENTS = new RegExp(
  [
    'bot\\b', 'bot/', 'crawl', 'spider', 'slurp', 'archiver', 'scrapy', 'headless', 'lighthouse', 'pagespeed',
    'facebookexternalhit', 'embedly', 'preview', 'monitor', 'pingdom', 'uptime', 'statuscake',
    'autocannon', 'apachebench', 'jmeter', 'k6/', 'curl/', 'wget/', 'python-', 'httpclient', 'go-http-client', 'java/', 'libwww', 'okhttp', 'axios', 'node-fetch', 'undici', '^node$',
  ].join('|'),
  'i',
);

export function isAutomatedAgent(userAgent: string | undefined): boolean {
  // Browsers always send one; an empty user agent is a script.
  return !userAgent || userAgent.trim() === '' || AUTOMATED_AGENTS.test(userAgent);
}

type HeaderReader = (name: string) => string | undefined;

/** Sec-Purpose (Chromium, Firefox), Purpose (older Chromium, Safari), X-Moz (older Firefox). */
export function isPrefetch(header: HeaderReader): boolean {
  return [header('sec-purpose'), header('purpose'), header('x-moz'), header('x-purpose')].some((value) => value !== undefined && /prefetch|prerender|preview/i.test(value));
}

/** Whether a request is to be counted at all. */
export function isCountable(header: HeaderReader): boolean {
  return !isAutomatedAgent(header('user-agent')) && !isPrefetch(header);
}
