/**
 * The pitch filmed on a phone held upright. Phones store such videos as landscape frames
 * plus a display matrix in the container, and that is the case the archive must handle: each
 * card is drawn upright, turned a quarter to the left, encoded, then given a matrix telling
 * players to turn it a quarter to the right.
 */
import { rm } from 'node:fs/promises';
import { accentFor, corpusPath, workPath, type GeneratedItem, type ItemContext } from './item-context.js';
import { portraitCardSvg, writePng } from './pictures.js';
import { narrate, narratedTimeline } from './narration.js';
import { programmeRow } from './programme.js';
import type { Line } from './speech.js';
import { selectSections, type PhoneVideo } from './texts.js';
import { encodeStills, setRotation } from './video.js';

export async function makePhoneVideo(item: PhoneVideo, context: ItemContext): Promise<GeneratedItem> {
  const cards = selectSections(item.cards, context.short);
  const media = `${item.file}.mp4`;
  const mediaPath = await corpusPath(context, media);
  const lines: Line[] = cards.flatMap((card, section) =>
    card.sentences.map((text, i) => ({ text, voice: item.voice, section, pauseBefore: i === 0 ? 0.8 : 0.4 })));
  const narration = await narrate(context, lines, cards.length, mediaPath, {
    leadIn: context.short ? 0.3 : 0.6,
    tail: context.short ? 0.4 : 1,
  });
  const { wav, frames } = narration;
  const upright = context.short ? { width: 480, height: 854 } : { width: 1080, height: 1920 };
  const speaker = item.speakers[0]?.name ?? '';
  const stills = [];
  for (const [i, card] of cards.entries()) {
    const png = workPath(context, `card-${i + 1}.png`);
    // 270° clockwise = a quarter turn left; the display matrix turns it back on playback.
    await writePng(portraitCardSvg(card.caption, i, cards.length, speaker, accentFor(item.file), upright), png, 270);
    stills.push({ png, frames: frames[i] ?? 1 });
  }
  const sideways = workPath(context, 'sideways.mp4');
  await encodeStills({ stills, audio: wav, out: sideways });
  await setRotation(sideways, mediaPath, 90);
  await rm(sideways, { force: true });

  return {
    row: programmeRow(item, { media }),
    files: [media],
    timeline: narratedTimeline(item, media, narration, cards.map((card) => ({ title: card.caption, bullets: [] }))),
  };
}
