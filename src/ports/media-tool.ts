/** One ffmpeg invocation as plain data, built by pure functions in src/pipeline and run by an adapter. */
export interface FfmpegCommand {
  inputs: { path: string; options: string[] }[];
  outputs: { path: string; options: string[] }[];
  /** Expected media duration in seconds, to turn ffmpeg's time= into a percentage. */
  duration?: number;
}

export interface ToolProgress {
  /** 0–100, or null when unknown. */
  percent: number | null;
  /** × real time, as ffmpeg reports it. */
  speed: number | null;
}

export interface RunOptions {
  onProgress?: (progress: ToolProgress) => void;
  signal?: AbortSignal;
}

export interface RunResult {
  /** ffmpeg's stderr (filters such as loudnorm and ebur128 print their results there). */
  stderr: string;
  /** Peak resident memory of the ffmpeg process, bytes, when the platform tells it. */
  peakRss: number | null;
}

/** ffprobe's JSON (-show_format -show_streams), kept raw: src/pipeline/probe.ts interprets it. */
export interface RawProbe {
  format: Record<string, unknown> & { tags?: Record<string, string> };
  streams: (Record<string, unknown> & { codec_type?: string; tags?: Record<string, string> })[];
}

export interface MediaTool {
  probe(filePath: string): Promise<RawProbe>;
  run(command: FfmpegCommand, options?: RunOptions): Promise<RunResult>;
  /** Proves ffmpeg is usable: present, with libx264 and the aac encoder. Throws ToolError otherwise. */
  check(): Promise<{ version: string }>;
}

/**
 * Where a stream copy that starts at a time really starts: the keyframe at or before it (video),
 * the packet holding it (audio). Read from the file's index and a few packets, never decoded.
 */
export interface SeekPointReader {
  /** `input` is a local path or an http(s) URL; the answer is in seconds, as the file's timestamps say. */
  seekPoint(input: string, stream: 'video' | 'audio', time: number): Promise<number>;
}
