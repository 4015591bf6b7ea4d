import type { Edition, Speaker } from '../../domain/item.js';
import { parseLanguage } from '../../domain/language.js';
import type { DocumentInfo } from '../../ports/document-tool.js';
import type { RawProbe } from '../../ports/media-tool.js';
import { withoutControlCharacters } from './control-characters.js';
import { FIRST_EDITION_YEAR, LAST_EDITION_YEAR, parseEdition } from './edition.js';
import { parseSpeakerText, splitOutsideParentheses, uniqueSpeakers } from './speakers.js';
import { parseIsoDate, uniqueThemes } from './values.js';

/** What a file says about itself, for a folder ingested without a programme. */
export interface FileMetadata {
  title: string | null;
  speakers: Speaker[];
  /** From the album tag, when it reads as an edition ("2025 Strasbourg"). */
  edition: Edition | null;
  date: string | null;
  year: number | null;
  summary: string;
  themes: string[];
  language: string | null;
}

/**
 * ffprobe's tags with lower-case keys (containers disagree: "TITLE" in Matroska, "title" in MP4).
 * Stream tags are read only when the container has none, as in Ogg/Opus files that keep their
 * comments on the audio stream; elsewhere a stream "title" is a track name ("Stereo"), not the
 * talk's. The language, though, usually lives on the audio stream alone. Control characters are
 * dropped: a stray byte in a tag should not fail the file, nor reach the poster's SVG title.
 */
export function tagMap(probe: RawProbe): Map<string, string> {
  const tags = new Map<string, string>();
  const add = (source: Record<string, string> | undefined, only?: string): void => {
    for (const [key, value] of Object.entries(source ?? {})) {
      const name = key.toLowerCase();
      const text = typeof value === 'string' ? withoutControlCharacters(value).normalize('NFC').trim() : '';
      // "und" (undetermined) is what muxers write when nobody said: the same as no tag.
      if (text === '' || text === 'und' || tags.has(name) || (only !== undefined && name !== only)) continue;
      tags.set(name, text);
    }
  };
  add(probe.format.tags);
  const audio = probe.streams.filter((stream) => stream.codec_type === 'audio');
  const formatHasTags = Object.keys(probe.format.tags ?? {}).length > 0;
  for (const stream of audio) add(stream.tags, formatHasTags ? 'language' : undefined);
  return tags;
}

// Tag keys in order of preference for each piece of metadata.
const SPEAKER_KEYS = ['artist', 'album_artist', 'composer'] as const;
const DATE_KEYS = ['date', 'creation_time', 'year'] as const;
const SUMMARY_KEYS = ['comment', 'description', 'synopsis'] as const;

export function metadataFromTags(tags: ReadonlyMap<string, string>): FileMetadata {
  const first = (keys: readonly string[]): string => keys.map((key) => tags.get(key) ?? '').find((v) => v !== '') ?? '';
  const album = tags.get('album') ?? '';
  const albumEdition = album === '' ? null : parseEdition(album);
  const { date, year } = dateFromTags(DATE_KEYS.map((key) => tags.get(key) ?? ''));
  const language = tags.get('language');
  const languageParsed = language === undefined ? null : parseLanguage(language);
  return {
    title: tags.get('title') ?? null,
    speakers: speakersFromTags(SPEAKER_KEYS.map((key) => tags.get(key) ?? '')),
    edition: albumEdition?.ok ? albumEdition.edition : null,
    date,
    year,
    summary: first(SUMMARY_KEYS),
    themes: uniqueThemes((tags.get('genre') ?? '').split(';')),
    language: languageParsed?.ok ? languageParsed.value : null,
  };
}

export function metadataFromDocument(info: DocumentInfo): FileMetadata {
  const title = withoutControlCharacters(info.title ?? '').normalize('NFC').trim();
  return {
    title: title === '' ? null : title,
    speakers: speakersFromTags([withoutControlCharacters(info.author ?? '')]),
    edition: null,
    date: null,
    year: null,
    summary: '',
    themes: [],
    language: null,
  };
}

/**
 * Artist tags list people with whatever separator the tagging tool used; entries that do not
 * read as a speaker are left out rather than failing the file, since tags are not a contract.
 */
function speakersFromTags(values: string[]): Speaker[] {
  const speakers: Speaker[] = [];
  for (const value of values) {
    for (const entry of splitOutsideParentheses(value, [';', '/', ',', ' & '])) {
      const parsed = parseSpeakerText(entry);
      if (parsed.ok) speakers.push(parsed.speaker);
    }
  }
  return uniqueSpeakers(speakers);
}

/**
 * The first usable date tag: "2025-10-29", "2025-10-29T09:00:00Z" or "2025". Years outside the
 * conference's span are ignored: encoders often write 1970-01-01 as creation_time.
 */
function dateFromTags(values: string[]): { date: string | null; year: number | null } {
  for (const value of values) {
    const match = /^(\d{4})(?:-(\d{2})-(\d{2}))?/.exec(value);
    if (match?.[1] === undefined) continue;
    const year = Number(match[1]);
    if (year < FIRST_EDITION_YEAR || year > LAST_EDITION_YEAR) continue;
    const full = match[2] !== undefined ? parseIsoDate(`${match[1]}-${match[2]}-${match[3] ?? ''}`) : null;
    return { date: full?.ok ? full.value : null, year };
  }
  return { date: null, year: null };
}
