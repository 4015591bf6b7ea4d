export type ImageFormat = 'avif' | 'webp' | 'jpeg' | 'png';

export interface ImageStats {
  width: number;
  height: number;
  /** Mean luminance 0–255. */
  mean: number;
  /** Standard deviation of luminance: near 0 for a black, white or flat frame. */
  stdev: number;
  /** Shannon entropy of the histogram (sharp's `entropy`), bits. */
  entropy: number;
  /**
   * Share (0–1) of pixels on an edge (high-pass response), on a copy at most 640 px wide: what
   * tells a white slide with one line of text (detail) from a white frame (none).
   */
  detail: number;
}

export interface EncodedImage {
  path: string;
  width: number;
  height: number;
  format: ImageFormat;
  size: number;
}

/** sharp, behind a port: only src/adapters/image-tool imports it. */
export interface ImageTool {
  stats(filePath: string): Promise<ImageStats>;
  /** Resizes (never enlarges) to `width` and encodes; keeps the aspect ratio. */
  encode(input: string, output: string, options: { width?: number; format: ImageFormat; quality?: number }): Promise<EncodedImage>;
  /** Renders an SVG document to a PNG file (slides, covers of generated media). */
  renderSvg(svg: string, output: string): Promise<EncodedImage>;
}
