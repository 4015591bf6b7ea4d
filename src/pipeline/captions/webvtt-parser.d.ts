/**
 * Types for webvtt-parser 2.2.0 (w3c/webvtt.js), which ships none: only what the caption
 * library uses. The package is CommonJS; its classes hang off the default export.
 */
declare module 'webvtt-parser' {
  namespace webvtt {
    interface ParseError {
      message: string;
      /** 1-based line of the input. */
      line: number;
      /** 1-based column, for errors inside a timing line. */
      col?: number;
    }

    type CueNode =
      | { type: 'text'; value: string }
      | { type: 'timestamp'; value: number }
      | { type: 'object'; name: string; classes: string[]; value?: string; children: CueNode[] };

    interface ParsedCue {
      id: string;
      startTime: number;
      endTime: number;
      text: string;
      tree: { children: CueNode[] };
    }

    interface ParseResult {
      cues: ParsedCue[];
      errors: ParseError[];
      styles: string[];
      time: number;
    }

    /** `entities`: the character references to decode (the default knows only six). */
    class WebVTTParser {
      constructor(entities?: Record<string, string>);
      /** 'metadata' keeps cue-text (markup) errors quiet; 'chapters' forbids markup. */
      parse(input: string, mode?: 'metadata' | 'chapters' | 'subtitles'): ParseResult;
    }

    class WebVTTCueTimingsAndSettingsParser {
      constructor(line: string, onError: (message: string, col?: number) => void);
      /** Reads "start --> end settings" into `cue`; undefined when the timing is unusable. */
      parse(cue: { startTime: number; endTime: number }, previousCueStart: number): true | undefined;
    }
  }
  export = webvtt;
}
