/** The slide talks: slides + speech → MP4, with captions and, per talk, the extra tracks. */
import { writeFile } from 'node:fs/promises';
import { buildCues, formatSrt, formatVtt, type Cue } from './cues.js';
import { accentFor, corpusPath, workPath, type GeneratedItem, type ItemContext } from './item-context.js';
import { writeSlidesPdf } from './pdf.js';
import { signPanelSvg, slideSvg, writePng, type Size } from './pictures.js';
import { narrate, narratedTimeline } from './narration.js';
import { programmeRow, type ItemFiles } from './programme.js';
import type { Line, SpeechTrack } from './speech.js';
import { SLIDE_FOOTER, selectSections, type Slide, type SlideTalk } from './texts.js';
import { encodeStills } from './video.js';

const PAUSE_BETWEEN_SENTENCES = 0.45;
/** A longer breath at a slide change, as when a speaker clicks to the next slide. */
const PAUSE_AT_SLIDE_CHANGE = 0.9;

export function talkLines(slides: readonly Slide[], voice: string): Line[] {
  return slides.flatMap((slide, section) =>
    slide.sentences.map((text, i) => ({
      text,
      voice,
      section,
      pauseBefore: i === 0 ? PAUSE_AT_SLIDE_CHANGE : PAUSE_BETWEEN_SENTENCES,
      ...(slide.en?.[i] ? { en: slide.en[i] } : {}),
    })));
}

/** One audio-description cue as each slide appears, shown at most 6 s and never past the slide. */
function descriptionCues(slides: readonly Slide[], bounds: readonly { start: number; end: number }[]): Cue[] {
  return slides.flatMap((slide, i) => {
    const bound = bounds[i];
    if (!slide.description || !bound) return [];
    const start = Math.round(bound.start * 1000) / 1000;
    const end = Math.round(Math.min(bound.start + 6, bound.end - 0.05) * 1000) / 1000;
    return [{ start, end, lines: [slide.description] }];
  });
}

async function renderSlides(talk: SlideTalk, slides: readonly Slide[], context: ItemContext, size: Size): Promise<string[]> {
  const accent = accentFor(talk.file);
  const paths: string[] = [];
  for (const [i, slide] of slides.entries()) {
    const path = workPath(context, `slide-${i + 1}.png`);
    await writePng(slideSvg(slide, i, slides.length, accent, SLIDE_FOOTER, size), path);
    paths.push(path);
  }
  return paths;
}

/** Captions in one language, on the measured times of the French sentences. */
function captionCues(track: SpeechTrack, language: 'fr' | 'en'): Cue[] {
  const sentences = track.lines.map((line) => ({ text: (language === 'en' ? line.en : line.text) ?? '', start: line.start, end: line.end }));
  return buildCues(sentences.filter((sentence) => sentence.text), track.duration);
}

export async function makeSlideTalk(talk: SlideTalk, context: ItemContext): Promise<GeneratedItem> {
  const slides = selectSections(talk.slides, context.short);
  const media = `${talk.file}.mp4`;
  const mediaPath = await corpusPath(context, media);
  const narration = await narrate(context, talkLines(slides, talk.voice), slides.length, mediaPath, {
    leadIn: context.short ? 0.3 : 0.8,
    tail: context.short ? 0.4 : 1.2,
  });
  const { track, wav, bounds, frames } = narration;
  const size = context.short ? { width: 640, height: 360 } : { width: 1920, height: 1080 };
  const pngs = await renderSlides(talk, slides, context, size);
  await encodeStills({ stills: pngs.map((png, i) => ({ png, frames: frames[i] ?? 1 })), audio: wav, out: mediaPath });

  const files: ItemFiles = { media, captions: [] };
  const written = [media];
  const write = async (relative: string, content: string): Promise<void> => {
    await writeFile(await corpusPath(context, relative), content, 'utf8');
    written.push(relative);
  };

  await write(`${talk.file}.fr.vtt`, formatVtt(captionCues(track, 'fr')));
  files.captions?.push({ language: 'fr', path: `${talk.file}.fr.vtt` });
  if (talk.englishSubtitles) {
    await write(`${talk.file}.en.srt`, formatSrt(captionCues(track, 'en')));
    files.captions?.push({ language: 'en', path: `${talk.file}.en.srt` });
  }
  if (talk.slidesPdf) {
    files.slides = `${talk.file}.pdf`;
    const info = {
      title: talk.title,
      author: talk.speakers.map((person) => person.name).join(', '),
      subject: talk.summary,
      keywords: talk.themes,
      date: new Date(`${talk.date}T08:00:00Z`),
    };
    await writeSlidesPdf(slides, info, accentFor(talk.file), SLIDE_FOOTER, await corpusPath(context, files.slides));
    written.push(files.slides);
  }
  if (talk.audioDescription) {
    files.audioDescription = `${talk.file}.ad.vtt`;
    await write(files.audioDescription, formatVtt(descriptionCues(slides, bounds)));
  }
  if (talk.signLanguage) {
    files.signLanguage = `${talk.file}.lsf.mp4`;
    const panels: string[] = [];
    for (const i of slides.keys()) {
      const png = workPath(context, `lsf-${i + 1}.png`);
      await writePng(signPanelSvg(i, slides.length, { width: 640, height: 360 }), png);
      panels.push(png);
    }
    const stills = panels.map((png, i) => ({ png, frames: frames[i] ?? 1 }));
    await encodeStills({ stills, out: await corpusPath(context, files.signLanguage) });
    written.push(files.signLanguage);
  }

  return {
    row: programmeRow(talk, files),
    files: written,
    timeline: narratedTimeline(talk, media, narration, slides.map((slide) => ({ title: slide.title, bullets: slide.bullets }))),
  };
}
