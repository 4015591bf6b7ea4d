import { isSilentVideo, type Manifest, type StoredFile } from '../../domain/manifest.js';
import { formatBytes } from '../format.js';
import { translate } from '../i18n/messages.js';
import type { Locale } from '../locale.js';
import { mediaUrl } from '../urls.js';
import { languageName } from '../../domain/language.js';

export interface DownloadModel {
  href: string;
  /** The name the browser saves it under. */
  fileName: string;
  /** "MP4 720p". */
  label: string;
  /** "vidéo, 1,9 Mo". */
  details: string;
  size: number;
  format: string;
}

/**
 * Everything a visitor may take away, from the most useful to the least: the renditions, the
 * caption and transcript files, the described text track, the slides, then the original file.
 */
export function downloadsOf(manifest: Manifest, locale: Locale): DownloadModel[] {
  const t = (key: string, vars: Record<string, unknown> = {}): string => translate(locale, key, vars);
  const sizeOf = (key: string): number => manifest.files.find((f) => f.key === key)?.size ?? 0;
  const entry = (file: Pick<StoredFile, 'key' | 'size'>, format: string, label: string, kind: string): DownloadModel => ({
    href: `${mediaUrl(file.key)}?download`,
    fileName: fileNameOf(file.key, manifest.id),
    label,
    details: `${kind}, ${formatBytes(locale, file.size)}`,
    size: file.size,
    format,
  });
  const list: DownloadModel[] = [];
  const silent = isSilentVideo(manifest);
  for (const d of manifest.downloads) {
    const language = languageOfTextFile(d.key, manifest) ?? manifest.language;
    switch (d.format) {
      case 'mp4':
        // "vidéo sans son": nobody should download a talk expecting its sound.
        list.push(entry(d, d.format, d.width && d.height ? `MP4 ${Math.min(d.width, d.height)}p` : 'MP4', t(silent ? 'item.download.videoSilent' : 'item.download.video')));
        break;
      case 'm4a':
        list.push(entry(d, d.format, 'M4A (AAC)', t('item.download.audio')));
        break;
      case 'mp3':
        list.push(entry(d, d.format, 'MP3', t('item.download.audio')));
        break;
      case 'opus':
        list.push(entry(d, d.format, 'Opus', t('item.download.audio')));
        break;
      case 'vtt':
      case 'srt':
        list.push(entry(d, d.format, t('item.download.captions', { format: d.format === 'vtt' ? 'WebVTT' : 'SRT', language: languageName(language, locale) }), t('item.download.text')));
        break;
      case 'txt':
        list.push(entry(d, d.format, t('item.download.transcript', { language: languageName(language, locale) }), t('item.download.text')));
        break;
      case 'pdf':
        list.push(entry(d, d.format, 'PDF', t('item.download.document')));
        break;
      case 'original':
        break;
    }
  }
  for (const track of manifest.tracks.filter((tr) => tr.kind === 'descriptions')) {
    list.push(entry({ key: track.key, size: sizeOf(track.key) }, 'vtt', t('item.download.descriptions', { language: languageName(track.language, locale) }), t('item.download.text')));
  }
  if (manifest.slides) list.push(entry(manifest.slides, 'pdf', t('item.download.slides'), t('item.download.document')));
  const source = manifest.source;
  // A PDF published as is is both the download and the original: offer it once.
  if (manifest.downloads.some((d) => d.sha256 === source.sha256)) return list;
  const extension = source.fileName.includes('.') ? (source.fileName.split('.').pop() ?? '').toUpperCase() : '';
  list.push(entry(source, 'original', t('item.download.original', { format: extension || source.contentType }), t('item.download.originalKind')));
  return list;
}

/** "fr.vtt" is saved as "<id>-fr.vtt": a folder of downloads from several items stays readable. */
function fileNameOf(key: string, id: string): string {
  const name = key.split('/').pop() ?? key;
  return name.startsWith(id) ? name : `${id}-${name}`;
}

/** The language of a caption or transcript file, from its transcript entry or its name (text/<lang>.vtt). */
function languageOfTextFile(key: string, manifest: Manifest): string | null {
  const transcript = manifest.text.transcripts.find((t) => t.vtt === key || t.txt === key);
  if (transcript) return transcript.language;
  const track = manifest.tracks.find((t) => t.key === key);
  if (track) return track.language;
  const match = /\/([a-z]{2,3}(?:-[A-Za-z0-9]+)?)\.(?:vtt|srt|txt)$/.exec(key);
  return match?.[1] ?? null;
}
