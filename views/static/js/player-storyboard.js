/**
 * A small picture of each chapter, cut from the storyboard's sprite sheets (the tiles the
 * storyboard WebVTT points to with `#xywh=`) and drawn on a canvas: the CSP forbids inline
 * styles, so a sprite cannot be positioned with a style attribute. Decorative: the chapter's
 * title and time are the link's text.
 */
export async function drawChapterThumbnails(media) {
  const url = media.dataset.storyboard;
  const links = [...document.querySelectorAll('.chapters__link[data-start]')];
  if (!url || links.length === 0) return;
  const response = await fetch(url);
  if (!response.ok) return;
  const tiles = parseStoryboard(await response.text(), new URL(url, window.location.href));
  if (tiles.length === 0) return;
  const sheets = new Map();
  for (const link of links) {
    // A second in: the first frame of a chapter is often the end of a transition.
    const at = Number(link.dataset.start) + 1;
    const tile = tiles.find((t) => at >= t.start && at < t.end) ?? tiles[tiles.length - 1];
    if (!sheets.has(tile.src)) sheets.set(tile.src, loadImage(tile.src));
    const image = await sheets.get(tile.src);
    if (!image) continue;
    const canvas = document.createElement('canvas');
    canvas.width = tile.w;
    canvas.height = tile.h;
    canvas.className = 'chapters__thumb';
    canvas.setAttribute('aria-hidden', 'true');
    canvas.getContext('2d')?.drawImage(image, tile.x, tile.y, tile.w, tile.h, 0, 0, tile.w, tile.h);
    link.prepend(canvas);
  }
}

function parseStoryboard(text, base) {
  const tiles = [];
  const pattern = /(\d+:)?(\d+):(\d+(?:\.\d+)?)\s+-->\s+(\d+:)?(\d+):(\d+(?:\.\d+)?)[^\n]*\n([^\n#]+)#xywh=(\d+),(\d+),(\d+),(\d+)/g;
  for (const m of text.matchAll(pattern)) {
    const seconds = (h, min, s) => (h ? Number(h.slice(0, -1)) * 3600 : 0) + Number(min) * 60 + Number(s);
    tiles.push({
      start: seconds(m[1], m[2], m[3]),
      end: seconds(m[4], m[5], m[6]),
      src: new URL(m[7].trim(), base).href,
      x: Number(m[8]),
      y: Number(m[9]),
      w: Number(m[10]),
      h: Number(m[11]),
    });
  }
  return tiles;
}

function loadImage(src) {
  return new Promise((resolve) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => resolve(null);
    image.src = src;
  });
}
