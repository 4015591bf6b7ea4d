/** Caption import and rendering: pure functions over text, no I/O. */
export { cleanText, plainCue, type PlainCue } from './cue-text.js';
export { decodeCaptionBytes, type CaptionEncoding } from './decode.js';
export { captionFormatOf, importCaptions, type CaptionFormat, type CaptionImport, type CaptionSource } from './import-captions.js';
export { MIN_CUE_SECONDS, normaliseCues } from './normalise.js';
export { parseWebVtt, type CaptionProblem, type ParsedWebVtt } from './parse-webvtt.js';
export { countWords, escapeCueText, renderCaptionsVtt, renderTranscriptText } from './render.js';
export { srtToWebVtt } from './srt.js';
