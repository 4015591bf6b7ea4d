/** Clips of a recording cut on demand: the service, its ranges and the files they come from. */
export { ClipService, type ClipOptions, type StoredClip } from './clip-service.js';
export { MAX_CLIP_SECONDS, parseClipRange, type ClipRange } from './clip-range.js';
export { CaptionLanguageError, ClipUnavailableError, type ClipFormat } from './clip-source.js';
