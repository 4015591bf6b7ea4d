import webvtt from 'webvtt-parser';
import { describe, expect, it } from 'vitest';
import type { Cue } from '../../../../src/domain/text.js';
import { importCaptions, renderCaptionsVtt, renderTranscriptText } from '../../../../src/pipeline/captions/index.js';

describe('our WebVTT', () => {
  const hostile: Cue[] = [
    { start: 1, end: 2.5, text: '<script>alert(1)</script> & --> <b>', speaker: 'A <b>&</b> "B"' },
    { start: 3, end: 4, text: 'ligne 1\nligne 2', speaker: null },
  ];

  it('escapes & < > in text and in speaker names', () => {
    expect(renderCaptionsVtt(hostile)).toBe(
      'WEBVTT\n\n' +
        '00:00:01.000 --> 00:00:02.500\n<v A &lt;b&gt;&amp;&lt;/b&gt; "B">&lt;script&gt;alert(1)&lt;/script&gt; &amp; --&gt; &lt;b&gt;</v>\n\n' +
        '00:00:03.000 --> 00:00:04.000\nligne 1\nligne 2\n',
    );
  });

  it('is valid WebVTT and reads back to the same cues', () => {
    const vtt = renderCaptionsVtt(hostile);
    expect(new webvtt.WebVTTParser().parse(vtt).errors).toEqual([]);
    const again = importCaptions({ name: 'ours.vtt', language: 'fr', bytes: Buffer.from(vtt) });
    expect(again.status === 'imported' && again.transcript.cues).toEqual(hostile);
  });

  it('writes hours, so long recordings stay in one format', () => {
    expect(renderCaptionsVtt([{ start: 3723.4, end: 3725, text: 'x', speaker: null }])).toContain('01:02:03.400 --> 01:02:05.000');
  });
});

describe('plain-text transcript', () => {
  const cue = (start: number, end: number, text: string, speaker: string | null = null): Cue => ({ start, end, text, speaker });

  it('names each speaker when they take the floor, one paragraph per turn', () => {
    const cues = [
      cue(0, 2, 'Bienvenue à cette', 'Nadia Rahmani'),
      cue(2, 4, 'table ronde.', 'Nadia Rahmani'),
      cue(4.5, 6, 'Merci.\nC’est un plaisir.', 'Paul Meyer'),
      cue(6.5, 8, 'À vous.', 'Nadia Rahmani'),
    ];
    expect(renderTranscriptText(cues, 'fr')).toBe(
      'Nadia Rahmani\u00a0: Bienvenue à cette table ronde.\n\nPaul Meyer\u00a0: Merci. C’est un plaisir.\n\nNadia Rahmani\u00a0: À vous.\n',
    );
    expect(renderTranscriptText(cues.slice(0, 2), 'en')).toBe('Nadia Rahmani: Bienvenue à cette table ronde.\n');
  });

  it('starts a paragraph at a long pause, and at a sentence end once a paragraph is long', () => {
    const sentence = 'Une phrase de longueur moyenne pour remplir le paragraphe.';
    const cues = Array.from({ length: 14 }, (_, i) => cue(i * 3, i * 3 + 2.8, sentence));
    cues.push(cue(60, 62, 'Après une pause.'));
    const paragraphs = renderTranscriptText(cues, 'fr').trimEnd().split('\n\n');
    expect(paragraphs.length).toBe(3);
    expect(paragraphs[0]?.length).toBeGreaterThanOrEqual(600);
    expect(paragraphs.at(-1)).toBe('Après une pause.');
    expect(renderTranscriptText([], 'fr')).toBe('');
  });

  it('still makes paragraphs of captions written without punctuation', () => {
    const cues = Array.from({ length: 60 }, (_, i) => cue(i * 2, i * 2 + 1.9, 'des mots sans ponctuation comme en direct'));
    const paragraphs = renderTranscriptText(cues, 'fr').trimEnd().split('\n\n');
    expect(paragraphs.length).toBeGreaterThan(1);
    for (const paragraph of paragraphs) expect(paragraph.length).toBeLessThan(1600);
  });
});
