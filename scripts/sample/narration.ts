/** Speech for a picture track: the WAV, when each section starts, and how many frames each lasts. */
import { timelineSentences, workPath, type ItemContext } from './item-context.js';
import { itemId } from './programme.js';
import { assembleSpeech, sectionBounds, type Line, type SpeechTrack } from './speech.js';
import type { ItemMeta, TimelineItem } from './texts.js';
import { FPS, frameAt, framesFor, snapToFrames } from './video.js';
import { writeWav } from './wav.js';

export interface Narration {
  track: SpeechTrack;
  wav: string;
  /** Section start/end in seconds, on frame boundaries. */
  bounds: { start: number; end: number }[];
  /** Frames per section, adding up to the whole track. */
  frames: number[];
  totalFrames: number;
}

export async function narrate(
  context: ItemContext,
  lines: Line[],
  sections: number,
  label: string,
  pacing: { leadIn: number; tail: number },
): Promise<Narration> {
  const track = await assembleSpeech(lines, { label, ...pacing, fps: FPS });
  const wav = workPath(context, 'speech.wav');
  await writeWav(wav, track.pcm);
  const bounds = snapToFrames(sectionBounds(track, sections));
  const totalFrames = frameAt(track.duration);
  return { track, wav, bounds, frames: framesFor(bounds, totalFrames), totalFrames };
}

/** The timeline entry of a narrated recording: one section per slide, card or speaking turn. */
export function narratedTimeline(
  item: ItemMeta,
  media: string,
  narration: Narration,
  sections: { title: string; bullets: string[] }[],
): TimelineItem {
  return {
    id: itemId(item),
    kind: item.kind,
    title: item.title,
    media,
    duration: narration.totalFrames / FPS,
    sentences: timelineSentences(narration.track.lines),
    sections: sections.map((section, i) => ({ ...(narration.bounds[i] ?? { start: 0, end: 0 }), ...section })),
    pages: [],
  };
}
