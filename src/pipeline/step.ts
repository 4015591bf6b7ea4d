import type { ProgrammeItem } from '../domain/item.js';
import type { MediaInfo } from '../domain/manifest.js';
import type { DocumentTool } from '../ports/document-tool.js';
import type { ImageTool } from '../ports/image-tool.js';
import type { MediaTool, ToolProgress } from '../ports/media-tool.js';
import type { OcrTool } from '../ports/ocr-tool.js';
import type { Transcriber } from '../ports/transcriber.js';

/**
 * Paths in step results are relative to the item's folder in storage ("hls/master.m3u8");
 * the manifest builder prefixes them with "items/<id>/" and adds size, sha256 and content type.
 */
export interface VariantRef {
  name: string;
  playlist: string;
  width: number | null;
  height: number | null;
  bandwidth: number;
  codecs: string;
}

export interface DownloadRef {
  path: string;
  label: string;
  format: 'mp4' | 'm4a' | 'mp3' | 'opus' | 'pdf' | 'vtt' | 'srt' | 'txt' | 'original';
  width: number | null;
  height: number | null;
  loudness: number | null;
}

export interface ImageRef {
  path: string;
  width: number;
  height: number;
  format: 'avif' | 'webp' | 'jpeg' | 'png';
}

export interface TrackRef {
  kind: 'captions' | 'subtitles' | 'descriptions' | 'chapters' | 'metadata';
  language: string;
  label: string;
  path: string;
  format: 'vtt' | 'srt';
  origin: 'supplied' | 'reviewed' | 'automatic' | 'generated';
}

/** A transcript in its three stored forms (see domain/text.ts for the JSON). */
export interface TranscriptRef {
  language: string;
  source: 'captions-reviewed' | 'speech-to-text';
  json: string;
  vtt: string;
  txt: string;
  cues: number;
  words: number;
}

/** What one step adds to the manifest. Every field is optional; later steps never erase earlier ones. */
export interface StepResult {
  media?: MediaInfo;
  hls?: {
    master: string;
    variants: VariantRef[];
    audio: (VariantRef & { language: string; describesVideo: boolean })[];
    segmentSeconds: number;
  };
  downloads?: DownloadRef[];
  posters?: ImageRef[];
  storyboard?: { vtt: string; sheets: string[]; interval: number; tileWidth: number; tileHeight: number };
  waveform?: ImageRef;
  cover?: ImageRef;
  tracks?: TrackRef[];
  chapters?: { start: number; end: number; title: string }[];
  /**
   * Set by transcode-video from the scene branch of its filter graph: the runs of sampled frames
   * whose picture changed (scene-detect.ts SceneChanges), which the chapters step judges instead
   * of decoding the talk again. Not in the manifest.
   */
  sceneChanges?: { runs: [number, number][] };
  /**
   * Set by the chapters step when the video is a slide show rather than footage: when its
   * pictures change (possibly never). Slide OCR reads every slide, chapters or not. Not in the manifest.
   */
  slideShow?: { changes: number[] };
  signLanguage?: { hls: string; mp4: string; width: number; height: number };
  audioDescription?: { type: 'text' | 'audio'; path: string };
  slides?: { path: string };
  transcripts?: TranscriptRef[];
  /** SlideTextFile written by slide OCR. */
  slideText?: { path: string; count: number; language: string };
  /** PageTextFile written for documents. */
  pageText?: { path: string; count: number; language: string; ocrPages: number };
  pageImages?: (ImageRef & { page: number })[];
  warnings?: string[];
}

export interface StepContext {
  item: ProgrammeItem;
  /** Scratch folder for this item and this version of its inputs; survives a crash for resuming. */
  workDir: string;
  /** Files written here are published under items/<id>/ with the same relative path. */
  outDir: string;
  /** Results of the steps already done (the probe's `media` is always there after the probe step). */
  previous: StepResult;
  media: MediaTool;
  images: ImageTool;
  documents: DocumentTool;
  ocr: OcrTool;
  /** Speech-to-text; absent or null when none is configured (recordings are then flagged). */
  transcriber?: Transcriber | null;
  progress(progress: ToolProgress): void;
}

/** The kinds of programme file a step may read (the ProgrammeItem fields that hold them). */
export type InputRole = 'media' | 'captions' | 'slides' | 'audioDescription' | 'signLanguage';

/** What this installation is set up with that a step's outputs may depend on. */
export interface PipelineSettings {
  /** The speech-to-text engine and its model's sha256; null when none is configured. */
  speechToText: { engine: string; sha256: string } | null;
}

export interface Step {
  /** Stable name; with `version`, the key under which a finished step is remembered for resuming. */
  name: string;
  /** Bump when the step's outputs change, so archives re-run it (and what needs it). */
  version: number;
  /**
   * The programme files it reads. Absent: all of them. With `needs`, `version`, `embeds` and
   * `settings`, what decides whether a new version of an item runs the step again or carries
   * its outputs over unchanged: declare every one, or the step may keep stale outputs.
   */
  reads?: readonly InputRole[];
  /**
   * The earlier steps whose results (`ctx.previous`) or files it uses; the probe is always one.
   * Absent: every earlier step.
   */
  needs?: readonly string[];
  /** The settings its outputs depend on for this item (the speech-to-text model…); absent: none. */
  settings?(item: ProgrammeItem, settings: PipelineSettings): unknown;
  /**
   * Whether this step applies to the item (by media class, supplied files…), once the probe has
   * told what the media is. Absent: always (the probe itself).
   */
  applies?(item: ProgrammeItem, media: MediaInfo): boolean;
  /**
   * Whether the item calls for this step at all, known before any probing (a supplied file it
   * works on). Absent: it may. An item's chain of jobs leaves out the steps it does not call for.
   */
  wanted?(item: ProgrammeItem): boolean;
  /**
   * The programme metadata this step writes INTO its files (tags, a drawn title, a playlist's
   * LANGUAGE…). A change of it makes the item run again; any other metadata change only rewrites
   * the manifest.
   */
  embeds?(item: ProgrammeItem): unknown;
  run(ctx: StepContext): Promise<StepResult>;
}
