import { describe, expect, it } from 'vitest';
import { chaptersVtt } from '../../../src/pipeline/scene-detect.js';

describe('chaptersVtt', () => {
  it('escapes titles read on slides so they stay text', () => {
    const vtt = chaptersVtt([{ start: 0, end: 5, title: 'Outils <script> & données' }]);
    expect(vtt).toContain('Outils &lt;script&gt; &amp; données');
    expect(vtt).not.toContain('<script>');
  });
});
