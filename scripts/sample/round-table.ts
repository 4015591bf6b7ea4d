/** The round table: two synthetic voices taking turns, over a card naming who speaks. */
import { writeFile } from 'node:fs/promises';
import { buildCues, formatVtt } from './cues.js';
import { accentFor, corpusPath, workPath, type GeneratedItem, type ItemContext } from './item-context.js';
import { speakerCardSvg, writePng } from './pictures.js';
import { narrate, narratedTimeline } from './narration.js';
import { programmeRow } from './programme.js';
import type { Line } from './speech.js';
import { SLIDE_FOOTER, selectSections, type Conversation, type Section } from './texts.js';
import { encodeStills } from './video.js';

/** Lines of a conversation: a longer pause when the other person takes over. */
export function conversationLines(item: Conversation, turns: readonly Section[]): Line[] {
  return turns.flatMap((turn, section) => {
    const who = turn.speaker ?? 0;
    const speaker = item.speakers[who]?.name ?? '';
    const voice = item.voices[who] ?? 'fr';
    return turn.sentences.map((text, i) => ({ text, voice, speaker, section, pauseBefore: i === 0 ? 0.7 : 0.4 }));
  });
}

export async function makeRoundTable(item: Conversation, context: ItemContext): Promise<GeneratedItem> {
  const turns = selectSections(item.turns, context.short);
  const media = `${item.file}.mp4`;
  const mediaPath = await corpusPath(context, media);
  const narration = await narrate(context, conversationLines(item, turns), turns.length, mediaPath, {
    leadIn: context.short ? 0.3 : 0.8,
    tail: context.short ? 0.4 : 1.2,
  });
  const { track, wav, frames } = narration;
  const size = context.short ? { width: 640, height: 360 } : { width: 1280, height: 720 };
  const accent = accentFor(item.file);
  const stills = [];
  for (const [i, turn] of turns.entries()) {
    const person = item.speakers[turn.speaker ?? 0] ?? { name: '', organisation: '' };
    const png = workPath(context, `card-${i + 1}.png`);
    await writePng(speakerCardSvg(item.title, person.name, person.organisation, accent, SLIDE_FOOTER, size), png);
    stills.push({ png, frames: frames[i] ?? 1 });
  }
  await encodeStills({ stills, audio: wav, out: mediaPath });

  // Captions carry WebVTT voice spans (<v Name>) so players and search can tell speakers apart.
  const captions = `${item.file}.fr.vtt`;
  await writeFile(await corpusPath(context, captions), formatVtt(buildCues(track.lines, track.duration)), 'utf8');

  return {
    row: programmeRow(item, { media, captions: [{ language: 'fr', path: captions }] }),
    files: [media, captions],
    timeline: narratedTimeline(item, media, narration, turns.map((turn) => {
      const person = item.speakers[turn.speaker ?? 0];
      return { title: person?.name ?? '', bullets: person ? [person.organisation] : [] };
    })),
  };
}
