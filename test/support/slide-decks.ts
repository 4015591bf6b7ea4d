import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SharpImageTool } from '../../src/adapters/image-tool/sharp-image-tool.js';

const run = promisify(execFile);

/** The slide designs a talk comes with: the most common (dark on light), its inverse, text over a picture. */
export type SlideDesign = 'dark-on-light' | 'light-on-dark' | 'photo';

export interface DeckSlide {
  /** The title, then the body lines. */
  lines: readonly string[];
  seconds: number;
}

export interface DeckOptions {
  width?: number;
  height?: number;
  /** Frames per second of the video (0.5 is fine): slides are still, so a few keep long decks cheap to make and read. */
  fps?: number;
  /** Seconds between keyframes: noise pulses at each one. */
  gop?: number;
  crf?: number;
  /** Temporal grain (ffmpeg `noise` strength): slides filmed off a screen rather than captured. */
  grain?: number;
}

const BACKGROUNDS: Record<SlideDesign, string> = {
  'dark-on-light': '<rect width="1920" height="1080" fill="#ffffff"/>',
  'light-on-dark': '<rect width="1920" height="1080" fill="#14213D"/>',
  // A photo stand-in: a gradient under fractal noise, with texture everywhere and no flat area.
  photo:
    '<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#2a4d69"/>'
    + '<stop offset="0.5" stop-color="#c08552"/><stop offset="1" stop-color="#4b86b4"/></linearGradient>'
    + '<filter id="n"><feTurbulence type="fractalNoise" baseFrequency="0.01" numOctaves="5" seed="3"/>'
    + '<feColorMatrix type="saturate" values="0.6"/></filter></defs>'
    + '<rect width="1920" height="1080" fill="url(#g)"/><rect width="1920" height="1080" filter="url(#n)" opacity="0.7"/>',
};
const INK: Record<SlideDesign, string> = { 'dark-on-light': '#111111', 'light-on-dark': '#F6F4EE', photo: '#ffffff' };

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A 16:9 slide drawn in a 1920×1080 space: a bold 76 px title, 54 px body lines (DejaVu Sans). */
export function deckSlideSvg(design: SlideDesign, lines: readonly string[], width: number, height: number): string {
  const text = lines
    .map((line, i) => `<text x="120" y="${200 + i * 110}" font-family="DejaVu Sans" font-size="${i === 0 ? 76 : 54}"`
      + `${i === 0 ? ' font-weight="bold"' : ''} fill="${INK[design]}">${escapeXml(line)}</text>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 1920 1080">`
    + `${BACKGROUNDS[design]}${text}</svg>`;
}

/**
 * A slide talk without sound, as a screen recorder would make it: each slide drawn with sharp
 * (text through SVG), then H.264 with x264's still-picture tuning and a fixed GOP.
 */
export async function makeSlideDeck(
  dir: string,
  name: string,
  design: SlideDesign,
  slides: readonly DeckSlide[],
  options: DeckOptions = {},
): Promise<{ path: string; duration: number }> {
  const { width = 1280, height = 720, fps = 5, gop = 2, crf = 26 } = options;
  const images = new SharpImageTool();
  const inputs: string[] = [];
  for (const [i, slide] of slides.entries()) {
    const png = await images.renderSvg(deckSlideSvg(design, slide.lines, width, height), join(dir, `${name}-${i + 1}.png`));
    inputs.push('-loop', '1', '-framerate', String(fps), '-t', String(slide.seconds), '-i', png.path);
  }
  const grain = options.grain ? `,noise=alls=${options.grain}:allf=t+u` : '';
  const filter = `${slides.map((_, i) => `[${i}:v]`).join('')}concat=n=${slides.length}:v=1:a=0,format=yuv420p${grain}[v]`;
  const path = join(dir, `${name}.mp4`);
  await run('ffmpeg', [
    '-y', '-hide_banner', '-loglevel', 'error', ...inputs, '-filter_complex', filter, '-map', '[v]',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'stillimage', '-crf', String(crf), '-g', String(gop * fps), path,
  ]);
  return { path, duration: slides.reduce((sum, slide) => sum + slide.seconds, 0) };
}
