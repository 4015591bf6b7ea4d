/**
 * The H.264 ladder: which renditions a video gets, at which size, rate cap, profile and level.
 * Pure: everything here is decided from the probe's display size and frame rate.
 */

/** One rung of the ladder, named by its short side ("720p" is 1280x720 or, portrait, 720x1280). */
export interface LadderRung {
  short: number;
  /** Rate cap of the capped-CRF encode (x264 -maxrate), kbit/s, for ≤ 30 fps. */
  maxrateKbps: number;
}

const LADDER_RUNGS: readonly LadderRung[] = [
  { short: 1080, maxrateKbps: 5000 },
  { short: 720, maxrateKbps: 2800 },
  { short: 480, maxrateKbps: 1400 },
  { short: 360, maxrateKbps: 800 },
];

/** x264 quality target under the cap: slides fall far below the cap, camera motion meets it. */
export const LADDER_CRF = 23;

/** The frame rate used when the probe gives none or a nonsense one (VFR files can report 1000). */
const FALLBACK_FPS = 25;

export interface Rendition {
  name: string;
  width: number;
  height: number;
  maxrateKbps: number;
  /** VBV buffer: two seconds at the cap, so a 6 s segment stays near the cap at worst. */
  bufsizeKbps: number;
  profile: 'high';
  /** As x264 takes it ("3.1"). */
  level: string;
  /** RFC 6381 codec string for CODECS= ("avc1.64001f"). */
  codecs: string;
}

export interface VideoGeometry {
  /** Size after rotation, as a player shows it. */
  displayWidth: number;
  displayHeight: number;
  fps: number;
}

/** A frame rate we can build a fixed GOP on. */
export function outputFps(fps: number): number {
  return fps > 0 && fps <= 120 ? fps : FALLBACK_FPS;
}

/**
 * Rungs not above the source's short side (the height for landscape, the width for portrait),
 * at the source's aspect ratio; a source below the smallest rung keeps its own size.
 * `maxShort` caps the ladder (the sign-language window needs no more than 480).
 */
export function chooseLadder(source: VideoGeometry, options: { maxShort?: number } = {}): Rendition[] {
  const { displayWidth: w, displayHeight: h } = source;
  const fps = outputFps(source.fps);
  const portrait = h > w;
  const sourceShort = portrait ? w : h;
  const rungs = LADDER_RUNGS.filter((rung) => rung.short <= sourceShort && rung.short <= (options.maxShort ?? Infinity));
  if (rungs.length === 0) {
    // Smaller than the smallest rung (or than the cap): one rendition at the source's own size.
    const smallest = LADDER_RUNGS[LADDER_RUNGS.length - 1] as LadderRung;
    const short = Math.min(sourceShort, options.maxShort ?? sourceShort);
    return [rendition(w, h, short, smallest.maxrateKbps, fps)];
  }
  return rungs.map((rung) => rendition(w, h, rung.short, rung.maxrateKbps, fps));
}

function rendition(w: number, h: number, short: number, maxrateKbps: number, fps: number): Rendition {
  const portrait = h > w;
  const evenShort = floorEven(short);
  const evenLong = roundEven((portrait ? h : w) * (evenShort / (portrait ? w : h)));
  const width = portrait ? evenShort : evenLong;
  const height = portrait ? evenLong : evenShort;
  // 50/60 fps recordings carry more motion per second: give them half as much room again.
  const maxrate = fps > 30 ? Math.round((maxrateKbps * 1.5) / 100) * 100 : maxrateKbps;
  const level = h264Level(width, height, fps, maxrate);
  return {
    name: `${evenShort}p`,
    width,
    height,
    maxrateKbps: maxrate,
    bufsizeKbps: maxrate * 2,
    profile: 'high',
    level: level.name,
    codecs: avcCodecString('high', level.idc),
  };
}

/** yuv420p needs even sizes; rounding the long side keeps the aspect ratio closest. */
function roundEven(value: number): number {
  return Math.max(2, Math.round(value / 2) * 2);
}

function floorEven(value: number): number {
  return Math.max(2, Math.floor(value / 2) * 2);
}

/** H.264 Table A-1: max macroblocks/s, max frame size in macroblocks, max video bit rate (kbit/s, Main). */
const LEVELS: readonly { name: string; idc: number; mbps: number; fs: number; br: number }[] = [
  { name: '3.0', idc: 30, mbps: 40_500, fs: 1_620, br: 10_000 },
  { name: '3.1', idc: 31, mbps: 108_000, fs: 3_600, br: 14_000 },
  { name: '3.2', idc: 32, mbps: 216_000, fs: 5_120, br: 20_000 },
  { name: '4.0', idc: 40, mbps: 245_760, fs: 8_192, br: 20_000 },
  { name: '4.1', idc: 41, mbps: 245_760, fs: 8_192, br: 50_000 },
  { name: '4.2', idc: 42, mbps: 522_240, fs: 8_704, br: 50_000 },
  { name: '5.0', idc: 50, mbps: 589_824, fs: 22_080, br: 135_000 },
  { name: '5.1', idc: 51, mbps: 983_040, fs: 36_864, br: 240_000 },
  { name: '5.2', idc: 52, mbps: 2_073_600, fs: 36_864, br: 240_000 },
];

/**
 * The lowest level (3.0 at least, what every HLS client decodes) that allows this size, rate
 * and cap. x264 is given this level, so the SPS carries it and CODECS= can say it truthfully.
 */
export function h264Level(width: number, height: number, fps: number, maxrateKbps: number): { name: string; idc: number } {
  const mbWidth = Math.ceil(width / 16);
  const mbHeight = Math.ceil(height / 16);
  const frameSize = mbWidth * mbHeight;
  const found = LEVELS.find(
    (level) =>
      frameSize <= level.fs &&
      // A.3.1: neither side may exceed sqrt(8 × MaxFS) macroblocks.
      Math.max(mbWidth, mbHeight) <= Math.sqrt(8 * level.fs) &&
      frameSize * fps <= level.mbps &&
      // High profile allows 1.25 × the Main bit rate (Table A-2, cpbBrVclFactor 1250).
      maxrateKbps <= level.br * 1.25,
  );
  const chosen = found ?? (LEVELS[LEVELS.length - 1] as (typeof LEVELS)[number]);
  return { name: chosen.name, idc: chosen.idc };
}

/**
 * avc1.PPCCLL: profile_idc, constraint flags, level_idc in hex. x264 sets constraint_set1 only
 * for Baseline/Main and none for High, so High is always "64 00 LL".
 */
export function avcCodecString(profile: 'high' | 'main' | 'baseline', levelIdc: number): string {
  const [idc, flags] = profile === 'high' ? [0x64, 0x00] : profile === 'main' ? [0x4d, 0x40] : [0x42, 0xc0];
  return `avc1.${hex(idc)}${hex(flags)}${hex(levelIdc)}`;
}

function hex(value: number): string {
  return value.toString(16).padStart(2, '0');
}

/** The download is the 720p rung, or the largest rung when the source is smaller. */
export function downloadRendition(ladder: readonly Rendition[]): Rendition {
  const top = ladder[0];
  if (!top) throw new Error('empty ladder');
  return ladder.find((r) => r.name === '720p') ?? top;
}
