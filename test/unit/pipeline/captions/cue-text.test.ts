import { describe, expect, it } from 'vitest';
import type { Cue } from '../../../../src/domain/text.js';
import { importCaptions } from '../../../../src/pipeline/captions/index.js';

function cuesOf(payloads: string[]): Cue[] {
  const blocks = payloads.map((payload, i) => `00:00:${String(i * 2 + 1).padStart(2, '0')}.000 --> 00:00:${String(i * 2 + 2).padStart(2, '0')}.000\n${payload}`);
  const outcome = importCaptions({ name: 'x.vtt', language: 'fr', bytes: Buffer.from(`WEBVTT\n\n${blocks.join('\n\n')}\n`) });
  if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome));
  return outcome.transcript.cues;
}

const textOf = (payload: string): string | undefined => cuesOf([payload])[0]?.text;

describe('cue text: markup stripped, references decoded', () => {
  it.each([
    ['<b>gras</b>, <i>italique</i> et <u>souligné</u>', 'gras, italique et souligné'],
    ['<c.jaune.fond>classes</c> et <lang en>English</lang>', 'classes et English'],
    ['<ruby>漢<rt>kan</rt>字<rt>ji</rt></ruby> : le texte de base reste', '漢字 : le texte de base reste'],
    ['mot <00:00:01.500>par <00:00:01.800>mot', 'mot par mot'],
    ['<script>alert("x")</script> reste du texte', 'alert("x") reste du texte'],
    ['<font color="#ffff00">SRT coloré</font>', 'SRT coloré'],
    ['R&amp;D &lt;balise&gt; &eacute;t&eacute; &rsquo; &hellip; &nbsp;!', 'R&D <balise> été ’ … \u00a0!'],
    ['&#233;, &#xE9;, &#x20AC;, &#128512; et &#X1F600;', 'é, é, €, 😀 et 😀'],
    ['R&D et AT&T sans point-virgule', 'R&D et AT&T sans point-virgule'],
    ['  espaces\t\tmultiples  \nseconde   ligne ', 'espaces multiples\nseconde ligne'],
    ['contrôle\u0007 et C1 \u0085retirés', 'contrôle et C1 retirés'],
  ])('%s', (payload, text) => {
    expect(textOf(payload)).toBe(text);
  });

  it('takes the voice span as the speaker, closed or not, escaped name decoded', () => {
    const cues = cuesOf(['<v Nadia Rahmani>Bienvenue à tous.', '<v.loud Paul Meyer>C’est une ressource.</v>', '<v Tom &amp; Jerry>Et nous.', 'Sans voix.']);
    expect(cues.map((c) => [c.speaker, c.text])).toEqual([
      ['Nadia Rahmani', 'Bienvenue à tous.'],
      ['Paul Meyer', 'C’est une ressource.'],
      ['Tom & Jerry', 'Et nous.'],
      [null, 'Sans voix.'],
    ]);
  });

  it('keeps a second voice in the same cue as a named line', () => {
    expect(cuesOf(['<v Nadia>Une question ?</v>\n<v Paul>Oui.</v>'])[0]).toMatchObject({ speaker: 'Nadia', text: 'Une question ?\nPaul: Oui.' });
  });
});
