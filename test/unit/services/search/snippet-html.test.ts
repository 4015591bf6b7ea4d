import { describe, expect, it } from 'vitest';
import { snippetHtml } from '../../../../src/services/search/snippet-html.js';

describe('links and snippets', () => {
  it('renders a snippet as escaped HTML with matches in <mark>', () => {
    expect(snippetHtml([{ text: '<script>a</script> & ', match: false }, { text: 'l’"IA"', match: true }])).toBe(
      '&lt;script&gt;a&lt;/script&gt; &amp; <mark>l’&quot;IA&quot;</mark>',
    );
  });
});
