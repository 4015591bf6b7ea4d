import type webvtt from 'webvtt-parser';
import { ENTITIES, JOINED_LINE_MARK } from './parse-webvtt.js';

/** A cue as plain text, with the voice that speaks it. */
export interface PlainCue {
  start: number;
  end: number;
  /** Lines joined with "\n"; no markup, references decoded. */
  text: string;
  speaker: string | null;
}

/**
 * The words of a parsed cue without their markup: <b>, <i>, <u>, <c.class>, <lang> and unknown
 * tags (<script>, <font>…) are dropped and their content kept as text; ruby annotations (<rt>)
 * and karaoke timestamps are dropped; a voice span (<v Name>) gives the speaker. When a cue
 * holds several voices, the first is its speaker and each other one's words start a line with
 * "Name: ".
 */
export function plainCue(cue: webvtt.ParsedCue): PlainCue {
  const runs: { voice: string | null; text: string }[] = [];
  const walk = (nodes: readonly webvtt.CueNode[], voice: string | null): void => {
    for (const node of nodes) {
      if (node.type === 'text') runs.push({ voice, text: node.value });
      else if (node.type === 'object' && node.name === 'v') walk(node.children, voiceName(node.value));
      else if (node.type === 'object' && node.name !== 'rt') walk(node.children, voice);
    }
  };
  walk(cue.tree.children, null);

  const spoken = runs.filter((run) => cleanText(run.text) !== '');
  const speaker = spoken.find((run) => run.voice !== null)?.voice ?? null;
  let text = '';
  let current = speaker;
  for (const run of runs) {
    if (run.voice !== null && run.voice !== current && cleanText(run.text) !== '') {
      text += `${text === '' || text.endsWith('\n') ? '' : '\n'}${run.voice}: `;
      current = run.voice;
    }
    text += run.text;
  }
  return { start: cue.startTime, end: cue.endTime, text: cleanText(text), speaker };
}

/**
 * One space between words, no blank or empty lines, no control characters (C0 but the newline,
 * C1: what a mis-declared encoding leaves), no join marks.
 */
export function cleanText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replaceAll(JOINED_LINE_MARK, '').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '').replace(/[ \t\f\r]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/**
 * The parser keeps a voice annotation as written ("Tom &amp; Jerry"); the WebVTT syntax allows
 * character references there, and our own files escape names, so they are decoded here.
 */
function voiceName(annotation: string | undefined): string | null {
  const name = cleanText(decodeReferences(annotation ?? '')).replace(/\n/g, ' ');
  return name === '' ? null : name;
}

function decodeReferences(text: string): string {
  return text.replace(/&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]*));/g, (whole, hex?: string, dec?: string, name?: string) => {
    if (name !== undefined) return ENTITIES[`&${name};`] ?? whole;
    const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec ?? '', 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
  });
}
