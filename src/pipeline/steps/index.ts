import type { MediaClass } from '../../domain/item.js';
import type { Step } from '../step.js';
import { slidesStep, suppliedCaptionsStep } from './supplied-captions.js';

/** Bump when outputs change for every item (a new layout, a new ladder…): archives re-run. */
export const PIPELINE_VERSION = '1';

const VIDEO_STEPS: Step[] = [suppliedCaptionsStep, slidesStep];
const AUDIO_STEPS: Step[] = [suppliedCaptionsStep];
const DOCUMENT_STEPS: Step[] = [];

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
