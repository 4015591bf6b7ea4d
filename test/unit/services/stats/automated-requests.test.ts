import { describe, expect, it } from 'vitest';
import { isAutomatedAgent, isCountable, isPrefetch } from '../../../../src/services/stats/automated-requests.js';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const SAFARI_IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

const headers = (values: Record<string, string>) => (name: string) => values[name];

describe('automated requests', () => {
  it('counts people’s browsers', () => {
    for (const agent of [FIREFOX, CHROME, SAFARI_IPHONE]) expect(isAutomatedAgent(agent), agent).toBe(false);
  });

  it('does not count crawlers, previews, monitors, scripts, headless browsers nor an empty user agent', () => {
    const automated = [
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
      'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)',
      'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
      'Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)',
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
      'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Mobile Safari/537.36 Chrome-Lighthouse',
      'curl/8.5.0', 'Wget/1.21.3', 'python-requests/2.32.3', 'Go-http-client/1.1', 'node', 'axios/1.7.2',
      'UptimeRobot/2.0', 'autocannon', 'ApacheBench/2.3', 'k6/0.54.0 (https://k6.io/)', 'Pingdom.com_bot_version_1.4', 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
      '', '   ',
    ];
    for (const agent of automated) expect(isAutomatedAgent(agent), agent).toBe(true);
    expect(isAutomatedAgent(undefined)).toBe(true);
  });

  it('does not count pages fetched ahead of a visit', () => {
    expect(isPrefetch(headers({ 'sec-purpose': 'prefetch' }))).toBe(true);
    expect(isPrefetch(headers({ 'sec-purpose': 'prefetch;prerender' }))).toBe(true);
    expect(isPrefetch(headers({ purpose: 'prefetch' }))).toBe(true);
    expect(isPrefetch(headers({ 'x-moz': 'prefetch' }))).toBe(true);
    expect(isPrefetch(headers({}))).toBe(false);
    expect(isCountable(headers({ 'user-agent': FIREFOX }))).toBe(true);
    expect(isCountable(headers({ 'user-agent': FIREFOX, 'sec-purpose': 'prefetch' }))).toBe(false);
  });
});
