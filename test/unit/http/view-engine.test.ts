import { describe, expect, it } from 'vitest';
import { jsonForScript, ViewEngine } from '../../../src/http/view-engine.js';

describe('web foundation', () => {
  it('keeps JSON-LD data blocks from closing their script element', () => {
    const text = jsonForScript({ name: '</script><script>alert(1)</script>', note: 'a & b \u2028' });
    expect(text).not.toMatch(/<|>|&|\u2028/);
    expect(JSON.parse(text)).toEqual({ name: '</script><script>alert(1)</script>', note: 'a & b \u2028' });
  });

  it('escapes values in every view and renders the error page in the right language', () => {
    const views = ViewEngine.load();
    const model = {
      locale: 'en' as const, lang: 'en', title: '<script>x</script>', siteTitle: 'Médiacommuns', description: 'd', canonical: 'http://h/en/',
      alternates: [], langSwitches: [{ href: '/', lang: 'fr', text: 'Français', label: 'l' }], ogLocale: 'en_GB', jsonLd: null, scripts: [], styles: [], links: [],
      image: null, noindex: true, current: 'home', heading: '<b>Page not found</b>', text: 't', problems: ['<img src=x onerror=alert(1)>'], showSearch: true,
    };
    const html = views.render('error', model);
    expect(html).toContain('<html lang="en"');
    expect(html).toContain('&lt;b&gt;Page not found&lt;/b&gt;');
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(html).not.toContain('<img src');
    expect(html).not.toContain('<script>x</script>');
    expect(html).toContain('href="#contenu"');
  });
});
