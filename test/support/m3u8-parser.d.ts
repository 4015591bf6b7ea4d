/**
 * Types for m3u8-parser 7.2.0 (video.js), which ships none: only what the HLS tests read.
 * The parser emits `warn` for lines it cannot make sense of (a malformed tag or attribute).
 */
declare module 'm3u8-parser' {
  export interface ParsedSegment {
    uri: string;
    duration: number;
    map?: { uri: string };
  }

  export interface ParsedVariant {
    uri: string;
    attributes: {
      BANDWIDTH?: number;
      'AVERAGE-BANDWIDTH'?: string;
      RESOLUTION?: { width: number; height: number };
      CODECS?: string;
      AUDIO?: string;
      'FRAME-RATE'?: number;
    };
  }

  export interface ParsedRendition {
    uri?: string;
    language?: string;
    default: boolean;
    autoselect: boolean;
  }

  export interface ParsedManifest {
    version?: number;
    targetDuration?: number;
    playlistType?: string;
    endList?: boolean;
    independentSegments?: boolean;
    segments: ParsedSegment[];
    playlists?: ParsedVariant[];
    mediaGroups: { AUDIO: Record<string, Record<string, ParsedRendition>> };
  }

  export class Parser {
    manifest: ParsedManifest;
    on(event: 'warn' | 'info', listener: (event: { message: string }) => void): void;
    push(chunk: string): void;
    end(): void;
  }
}
