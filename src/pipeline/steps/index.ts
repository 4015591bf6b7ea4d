import type { MediaClass } from '../../domain/item.js';
import type { Step } from '../step.js';
import { audioDescriptionStep } from './audio-description.js';
import { chaptersStep } from './chapters.js';
import { coverStep } from './cover.js';
import { documentPosterStep } from './document-poster.js';
import { documentTextStep, slideDeckTextStep } from './document-text.js';
import { podcastAudioStep } from './podcast-audio.js';
import { posterStep } from './poster.js';
import { signLanguageStep } from './sign-language.js';
import { slideOcrStep } from './slide-ocr.js';
import { storyboardStep } from './storyboard.js';
import { slidesStep } from './slides.js';
import { captionsStep } from './captions.js';
import { transcodeVideoStep } from './transcode-video.js';
import { transcribeStep } from './transcribe.js';
import { waveformStep } from './waveform.js';

/** Bump when outputs change for every item (a new layout, a new ladder…): archives re-run. */
export const PIPELINE_VERSION = '2';

// Order matters: audio description extends the master playlist that transcode-video wrote.
const VIDEO_STEPS: Step[] = [
  transcodeVideoStep, audioDescriptionStep, signLanguageStep, posterStep, storyboardStep, chaptersStep, slideOcrStep, captionsStep, transcribeStep, slidesStep, slideDeckTextStep,
];
// Speech-to-text runs after the captions step: reviewed captions in the item's language make it unnecessary.
const AUDIO_STEPS: Step[] = [podcastAudioStep, waveformStep, coverStep, captionsStep, transcribeStep];
const DOCUMENT_STEPS: Step[] = [documentPosterStep, documentTextStep];

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
