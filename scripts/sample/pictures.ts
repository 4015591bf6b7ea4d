/**
 * Pictures drawn as SVG and rasterised with sharp (librsvg + DejaVu fonts): slides, cards,
 * the sign-language panel and the podcast cover. Designs use a fixed coordinate space
 * (viewBox) and are rendered at whatever pixel size the mode needs, so text stays sharp.
 */
import sharp from 'sharp';
import type { Slide } from './texts.js';

export interface Size {
  width: number;
  height: number;
}

const PAPER = '#F6F4EE';
const INK = '#14213D';
const BODY = '#1F2933';
const MUTED = '#3D4451';
const FONT = 'DejaVu Sans';

/** Rough line capacities for the font sizes below (DejaVu Sans is wide); tests keep texts within. */
export const SLIDE_TITLE_CHARS = 36;
export const SLIDE_BULLET_CHARS = 52;

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Greedy word wrap by character count: good enough for a font of known average width. */
export function wrapWords(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length > maxChars && line) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function svgDocument(design: Size, out: Size, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${out.width}" height="${out.height}" `
    + `viewBox="0 0 ${design.width} ${design.height}">${body}</svg>`;
}

function textLines(lines: readonly string[], x: number, y: number, lineHeight: number, attributes: string): string {
  return lines
    .map((line, i) => `<text x="${x}" y="${y + i * lineHeight}" ${attributes}>${escapeXml(line)}</text>`)
    .join('');
}

const SLIDE_DESIGN: Size = { width: 1920, height: 1080 };

/** A conference slide: title, 3–4 bullets, footer with the event and slide number. */
export function slideSvg(slide: Slide, index: number, count: number, accent: string, footer: string, out: Size): string {
  const titleLines = wrapWords(slide.title, SLIDE_TITLE_CHARS);
  const titleTop = 190;
  const bulletsTop = titleTop + (titleLines.length - 1) * 92 + 170;
  const bullets = slide.bullets
    .map((bullet, i) => {
      const y = bulletsTop + i * 118;
      return `<circle cx="150" cy="${y - 18}" r="11" fill="${accent}"/>`
        + `<text x="190" y="${y}" font-family="${FONT}" font-size="54" fill="${BODY}">${escapeXml(bullet)}</text>`;
    })
    .join('');
  return svgDocument(SLIDE_DESIGN, out, [
    `<rect width="1920" height="1080" fill="${PAPER}"/>`,
    `<rect width="1920" height="22" fill="${accent}"/>`,
    textLines(titleLines, 120, titleTop, 92, `font-family="${FONT}" font-weight="bold" font-size="76" fill="${INK}"`),
    `<rect x="120" y="${titleTop + (titleLines.length - 1) * 92 + 44}" width="160" height="10" fill="${accent}"/>`,
    bullets,
    `<rect x="0" y="975" width="1920" height="2" fill="#C9C6BC"/>`,
    `<text x="120" y="1035" font-family="${FONT}" font-size="30" fill="${MUTED}">${escapeXml(footer)}</text>`,
    `<text x="1800" y="1035" text-anchor="end" font-family="${FONT}" font-size="30" fill="${MUTED}">${index + 1} / ${count}</text>`,
  ].join(''));
}

/** Round-table card: the session title and who is speaking now, with an initials badge. */
export function speakerCardSvg(title: string, name: string, organisation: string, accent: string, footer: string, out: Size): string {
  const initials = name.split(/\s+/).map((part) => part[0] ?? '').join('').slice(0, 2);
  const titleLines = wrapWords(title, 38);
  return svgDocument(SLIDE_DESIGN, out, [
    `<rect width="1920" height="1080" fill="${PAPER}"/>`,
    `<rect width="1920" height="22" fill="${accent}"/>`,
    `<text x="120" y="150" font-family="${FONT}" font-size="40" fill="${MUTED}">TABLE RONDE</text>`,
    textLines(titleLines, 120, 260, 88, `font-family="${FONT}" font-weight="bold" font-size="72" fill="${INK}"`),
    `<circle cx="260" cy="720" r="130" fill="${accent}"/>`,
    `<text x="260" y="758" text-anchor="middle" font-family="${FONT}" font-weight="bold" font-size="110" fill="#FFFFFF">${escapeXml(initials)}</text>`,
    `<text x="460" y="690" font-family="${FONT}" font-size="44" fill="${MUTED}">Parole à</text>`,
    `<text x="460" y="770" font-family="${FONT}" font-weight="bold" font-size="68" fill="${INK}">${escapeXml(name)}</text>`,
    `<text x="460" y="840" font-family="${FONT}" font-size="48" fill="${BODY}">${escapeXml(organisation)}</text>`,
    `<text x="120" y="1035" font-family="${FONT}" font-size="30" fill="${MUTED}">${escapeXml(footer)}</text>`,
  ].join(''));
}

const PORTRAIT_DESIGN: Size = { width: 1080, height: 1920 };

/** A portrait text card, as shown on a phone held upright. */
export function portraitCardSvg(caption: string, index: number, count: number, speaker: string, accent: string, out: Size): string {
  const lines = wrapWords(caption, 16);
  const top = 960 - ((lines.length - 1) * 120) / 2;
  const dots = Array.from({ length: count }, (_, i) =>
    `<circle cx="${540 - (count - 1) * 30 + i * 60}" cy="1500" r="16" fill="${i === index ? accent : '#C9C6BC'}"/>`).join('');
  return svgDocument(PORTRAIT_DESIGN, out, [
    `<rect width="1080" height="1920" fill="${PAPER}"/>`,
    `<rect width="1080" height="260" fill="${accent}"/>`,
    `<text x="540" y="165" text-anchor="middle" font-family="${FONT}" font-weight="bold" font-size="64" fill="#FFFFFF">PITCH · NEC 2025</text>`,
    textLines(lines, 540, top, 120, `text-anchor="middle" font-family="${FONT}" font-weight="bold" font-size="100" fill="${INK}"`),
    dots,
    `<text x="540" y="1720" text-anchor="middle" font-family="${FONT}" font-size="48" fill="${BODY}">${escapeXml(speaker)}</text>`,
  ].join(''));
}

const PANEL_DESIGN: Size = { width: 640, height: 360 };

/**
 * The sign-language window: a plain dark panel with a drawn figure whose hands move to a
 * different position for each slide, so the picture visibly changes with the talk.
 */
export function signPanelSvg(index: number, count: number, out: Size): string {
  const poses = [
    [[250, 250], [390, 250]], [[230, 170], [380, 230]], [[270, 160], [410, 160]],
    [[240, 230], [400, 170]], [[300, 200], [340, 200]], [[220, 190], [420, 190]],
  ];
  const pose = poses[index % poses.length] ?? [[250, 250], [390, 250]];
  const [left, right] = [pose[0] ?? [250, 250], pose[1] ?? [390, 250]];
  const arm = (sx: number, hand: readonly number[]): string =>
    `<path d="M${sx} 205 Q${(sx + (hand[0] ?? 0)) / 2} ${(hand[1] ?? 0) + 40} ${hand[0]} ${hand[1]}" stroke="#E9C46A" stroke-width="18" fill="none" stroke-linecap="round"/>`
    + `<circle cx="${hand[0]}" cy="${hand[1]}" r="17" fill="#F4D7B5"/>`;
  return svgDocument(PANEL_DESIGN, out, [
    `<rect width="640" height="360" fill="#22263A"/>`,
    `<rect x="260" y="190" width="120" height="170" rx="40" fill="#3A86A8"/>`,
    `<circle cx="320" cy="140" r="42" fill="#F4D7B5"/>`,
    arm(275, left),
    arm(365, right),
    `<text x="24" y="44" font-family="${FONT}" font-weight="bold" font-size="26" fill="#FFFFFF">Interprétation LSF</text>`,
    `<text x="616" y="340" text-anchor="end" font-family="${FONT}" font-size="20" fill="#D8DCE8">Diapositive ${index + 1} / ${count}</text>`,
  ].join(''));
}

const COVER_DESIGN: Size = { width: 1400, height: 1400 };

/** Square podcast cover: show name, episode title and a few drawn sound bars. */
export function coverSvg(show: string, episode: string, edition: string, accent: string, out: Size): string {
  const bars = Array.from({ length: 24 }, (_, i) => {
    const h = 60 + Math.round(140 * Math.abs(Math.sin(i * 0.9) * Math.cos(i * 0.37)));
    return `<rect x="${160 + i * 45}" y="${1120 - h}" width="26" height="${h}" rx="13" fill="#FFFFFF" opacity="0.85"/>`;
  }).join('');
  return svgDocument(COVER_DESIGN, out, [
    `<rect width="1400" height="1400" fill="${accent}"/>`,
    `<rect x="80" y="80" width="1240" height="1240" rx="60" fill="none" stroke="#FFFFFF" stroke-width="8"/>`,
    textLines(wrapWords(show, 19), 160, 330, 108, `font-family="${FONT}" font-weight="bold" font-size="88" fill="#FFFFFF"`),
    textLines(wrapWords(episode, 30), 160, 700, 76, `font-family="${FONT}" font-size="60" fill="#FFFFFF"`),
    bars,
    `<text x="160" y="1240" font-family="${FONT}" font-size="48" fill="#FFFFFF">${escapeXml(edition)}</text>`,
  ].join(''));
}

export async function writePng(svg: string, path: string, rotate = 0): Promise<void> {
  await sharp(Buffer.from(svg)).rotate(rotate).png({ compressionLevel: 6 }).toFile(path);
}

export async function writeJpeg(svg: string, path: string): Promise<void> {
  await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toFile(path);
}
