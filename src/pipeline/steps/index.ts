import type { MediaClass } from '../../domain/item.js';
import type { Step } from '../step.js';
import { audioDescriptionStep } from './audio-description.js';
import { chaptersStep } from './chapters.js';
import { coverStep } from './cover.js';
import { documentPosterStep } from './document-poster.js';
import { podcastAudioStep } from './podcast-audio.js';
import { posterStep } from './poster.js';
import { signLanguageStep } from './sign-language.js';
import { storyboardStep } from './storyboard.js';
import { slidesStep, suppliedCaptionsStep } from './supplied-captions.js';
import { transcodeVideoStep } from './transcode-video.js';
import { waveformStep } from './waveform.js';

/** Bump when outputs change for every item (a new layout, a new ladder…): archives re-run. */
export const PIPELINE_VERSION = '2';

// Order matters: audio description extends the master playlist that transcode-video wrote.
const VIDEO_STEPS: Step[] = [
  transcodeVideoStep, audioDescriptionStep, signLanguageStep, posterStep, storyboardStep, chaptersStep, suppliedCaptionsStep, slidesStep,
];
const AUDIO_STEPS: Step[] = [podcastAudioStep, waveformStep, coverStep, suppliedCaptionsStep];
const DOCUMENT_STEPS: Step[] = [documentPosterStep];

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
