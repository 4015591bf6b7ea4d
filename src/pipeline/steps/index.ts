import type { MediaClass } from '../../domain/item.js';
import type { Step } from '../step.js';
import { audioDescriptionStep } from './audio-description.js';
import { chaptersStep } from './chapters.js';
import { coverStep } from './cover.js';
import { documentPosterStep } from './document-poster.js';
import { documentTextStep, slideDeckTextStep } from './document-text.js';
import { podcastAudioStep } from './podcast-audio.js';
import { posterStep } from './poster.js';
import { probeStep } from './probe.js';
import { signLanguageStep } from './sign-language.js';
import { slideOcrStep } from './slide-ocr.js';
import { storyboardStep } from './storyboard.js';
import { slidesStep } from './slides.js';
import { captionsStep } from './captions.js';
import { talkAudioStep } from './talk-audio.js';
import { transcodeVideoStep } from './transcode-video.js';
import { transcribeStep } from './transcribe.js';
import { waveformStep } from './waveform.js';

/**
 * Bump when outputs change for every item (a new layout, a new ladder…): archives re-run.
 * 3: each revision keeps its step records (steps.json), which later versions carry outputs over from.
 */
export const PIPELINE_VERSION = '3';

// Order matters: audio description extends the master playlist that transcode-video wrote.
// The probe comes first: every step builds on what it says the media is.
const VIDEO_STEPS: Step[] = [
  probeStep, transcodeVideoStep, audioDescriptionStep, signLanguageStep, talkAudioStep, posterStep, storyboardStep, chaptersStep, slideOcrStep, captionsStep, transcribeStep, slidesStep, slideDeckTextStep,
];
// Speech-to-text runs after the captions step: reviewed captions in the item's language make it unnecessary.
const AUDIO_STEPS: Step[] = [probeStep, podcastAudioStep, waveformStep, coverStep, captionsStep, transcribeStep];
const DOCUMENT_STEPS: Step[] = [probeStep, documentPosterStep, documentTextStep];

/** The steps each kind of media goes through, in order. */
export function stepsFor(mediaClass: MediaClass): Step[] {
  switch (mediaClass) {
    case 'video':
      return VIDEO_STEPS;
    case 'audio':
      return AUDIO_STEPS;
    case 'document':
      return DOCUMENT_STEPS;
  }
}

/** Every step of every kind of media, once each: their names and versions say what an archive was made with. */
export function allSteps(): Step[] {
  return [...new Set([...VIDEO_STEPS, ...AUDIO_STEPS, ...DOCUMENT_STEPS])];
}
