import { MAX_CLIP_SECONDS } from '../services/clips/index.js';
import { problem, query, str, type JsonSchema, type Operation } from './openapi-parts.js';

const id = { name: 'id', in: 'path' as const, required: true, description: 'Item identifier', schema: str() };
const t = query(
  't',
  `The range, START,END: seconds (754.5), mm:ss or hh:mm:ss, as media fragments write it. Both ends are required; at most ${MAX_CLIP_SECONDS} s (${MAX_CLIP_SECONDS / 60} minutes); an end past the recording stops at its end.`,
  { type: 'string', pattern: '^(npt:)?[0-9:.]*,[0-9:.]+$', examples: ['754,790.5', '12:34,13:10'] },
  true,
);
const rangeHeaders: JsonSchema = {
  'X-Clip-Start': { description: 'Where the clip really starts in the recording, seconds (the keyframe at or before the asked start)', schema: { type: 'string' } },
  'X-Clip-End': { description: 'Where it ends, seconds (the asked end, or the end of the recording)', schema: { type: 'string' } },
  'Content-Disposition': { description: 'attachment; filename="<id>_<start>-<end>.<ext>" with the real bounds', schema: { type: 'string' } },
};
const busy: JsonSchema = { ...problem, description: 'Every cutter is busy: try again after Retry-After seconds' };
const media = (type: string, description: string): JsonSchema => ({ description, headers: rangeHeaders, content: { [type]: { schema: { type: 'string', format: 'binary' } } } });

const CUT =
  'Cut from the item’s downloadable file by stream copy (nothing re-encoded), so it starts on the keyframe at or before the asked start: ' +
  'up to one GOP earlier (2 s: the downloadable MP4 has a keyframe every 2 s, as the HLS renditions). ' +
  'X-Clip-Start, X-Clip-End and the file name give the real bounds. Made on the first request and kept for the item’s current version; ' +
  'cuts run one per core, others wait a while, then get 503 with Retry-After. Range requests are served.';

/** The clip endpoints, spread into the document's paths by openapi.ts. */
export const CLIP_PATHS: Record<string, { get: Operation }> = {
  '/api/items/{id}/clip.mp4': { get: {
    operationId: 'getVideoClip', tags: ['clips'], summary: 'A range of a recording with pictures, as an MP4 to download',
    description: `${CUT} The file carries title, speakers (artist), date, licence (copyright) and the attribution text (comment) as metadata, ` +
      'and the range’s captions in the item’s language as a mov_text track. `lang` (fr or en) chooses the language of the attribution text.',
    parameters: [id, t, query('lang', 'Language of the attribution text written into the file (fr, en)', str())],
    responses: { 200: media('video/mp4', 'The clip'), 206: media('video/mp4', 'The asked bytes of the clip'), 400: problem, 404: problem, 503: busy },
  } },
  '/api/items/{id}/clip.m4a': { get: {
    operationId: 'getAudioClip', tags: ['clips'], summary: 'A range of a recording’s sound, as an M4A (AAC) to download',
    description: `${CUT} Podcasts and talks alike; the same metadata as clip.mp4, no captions track.`,
    parameters: [id, t, query('lang', 'Language of the attribution text written into the file (fr, en)', str())],
    responses: { 200: media('audio/mp4', 'The clip'), 206: media('audio/mp4', 'The asked bytes of the clip'), 400: problem, 404: problem, 503: busy },
  } },
  '/api/items/{id}/clip.vtt': { get: {
    operationId: 'getClipCaptions', tags: ['clips'], summary: 'The captions of a range, shifted to line up with its clip',
    description:
      'The cues of one caption track that overlap the range, cut to it. Time 0 is the clip’s real start (X-Clip-Start, the keyframe), ' +
      'not the asked start: this file lines up with clip.mp4 or clip.m4a of the same `t`.',
    parameters: [id, t, query('lang', 'Caption language (BCP 47); default the item’s language. One the item has no captions in is a 400 listing those it has', str())],
    responses: { 200: { description: 'WebVTT', headers: rangeHeaders, content: { 'text/vtt': { schema: { type: 'string' } } } }, 400: problem, 404: problem },
  } },
};
