/**
 * The podcasts: speech between two quiet chimes. One MP3 with ID3v2 tags and an embedded
 * cover, one M4A. Their levels are left well below −16 LUFS on purpose, so the archive's
 * loudness normalisation has something to do.
 */
import { itemId, programmeRow } from './programme.js';
import { accentFor, corpusPath, timelineSentences, workPath, type GeneratedItem, type ItemContext } from './item-context.js';
import { coverSvg, writeJpeg } from './pictures.js';
import { conversationLines } from './round-table.js';
import { BITEXACT_FLAGS, FFMPEG_PREFIX, runTool } from './run-tool.js';
import { assembleSpeech, sectionBounds } from './speech.js';
import { EDITION, selectSections, type Podcast } from './texts.js';
import { SAMPLE_RATE, chime, writeWav } from './wav.js';

function tagArgs(podcast: Podcast): string[] {
  const tags: Record<string, string> = {
    title: podcast.title,
    artist: podcast.speakers.map((person) => person.name).join(', '),
    album: podcast.album,
    date: podcast.date.slice(0, 4),
    comment: podcast.summary,
    genre: podcast.genre,
    language: 'fra',
  };
  return Object.entries(tags).flatMap(([key, value]) => ['-metadata', `${key}=${value}`]);
}

/** Cover text from the title: the show before the colon, the episode after it. */
function coverText(title: string): { show: string; episode: string } {
  const colon = title.indexOf(' : ');
  if (colon < 0) return { show: title, episode: '' };
  const episode = title.slice(colon + 3);
  return { show: title.slice(0, colon), episode: episode.charAt(0).toLocaleUpperCase('fr') + episode.slice(1) };
}

export async function makePodcast(podcast: Podcast, context: ItemContext): Promise<GeneratedItem> {
  const turns = selectSections(podcast.turns, context.short);
  const media = `${podcast.file}.${podcast.format}`;
  const mediaPath = await corpusPath(context, media);
  const track = await assembleSpeech(conversationLines(podcast, turns), {
    label: mediaPath,
    leadIn: context.short ? 0.2 : 0.6,
    tail: context.short ? 0.2 : 0.8,
    jingle: chime(SAMPLE_RATE, context.short ? 0.12 : 0.3),
  });
  const wav = workPath(context, 'speech.wav');
  await writeWav(wav, track.pcm);
  const gain = ['-af', `volume=${podcast.gainDb}dB`];

  if (podcast.format === 'mp3') {
    const cover = workPath(context, 'cover.jpg');
    const side = context.short ? 500 : 1400;
    const { show, episode } = coverText(podcast.title);
    await writeJpeg(coverSvg(show, episode, EDITION, accentFor(podcast.file), { width: side, height: side }), cover);
    await runTool('ffmpeg', [
      ...FFMPEG_PREFIX,
      '-i', wav, '-i', cover,
      '-map', '0:a', '-map', '1:v',
      ...gain,
      '-c:a', 'libmp3lame', '-b:a', '96k', '-ar', '44100', '-ac', '1',
      '-c:v', 'copy', '-disposition:v:0', 'attached_pic',
      ...BITEXACT_FLAGS,
      '-id3v2_version', '3',
      ...tagArgs(podcast),
      '-metadata:s:v:0', 'title=Album cover', '-metadata:s:v:0', 'comment=Cover (front)',
      mediaPath,
    ], { label: mediaPath });
  } else {
    await runTool('ffmpeg', [
      ...FFMPEG_PREFIX,
      '-i', wav,
      '-map', '0:a',
      ...gain,
      '-c:a', 'aac', '-b:a', '128k', '-ar', '44100', '-ac', '2',
      ...BITEXACT_FLAGS,
      '-metadata:s:a:0', 'language=fra',
      ...tagArgs(podcast),
      '-movflags', '+faststart',
      mediaPath,
    ], { label: mediaPath });
  }

  return {
    row: programmeRow(podcast, { media }),
    files: [media],
    timeline: {
      id: itemId(podcast),
      kind: podcast.kind,
      title: podcast.title,
      media,
      duration: track.duration,
      sentences: timelineSentences(track.lines),
      sections: sectionBounds(track, turns.length).map((bound, i) => {
        const person = podcast.speakers[turns[i]?.speaker ?? 0];
        return { ...bound, title: person?.name ?? '', bullets: person ? [person.organisation] : [] };
      }),
      pages: [],
    },
  };
}
