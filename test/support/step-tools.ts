import { PopplerDocumentTool } from '../../src/adapters/document-tool/poppler-document-tool.js';
import { SharpImageTool } from '../../src/adapters/image-tool/sharp-image-tool.js';
import { FluentFfmpegMediaTool } from '../../src/adapters/media-tool/fluent-ffmpeg-media-tool.js';
import { TesseractOcrTool } from '../../src/adapters/ocr/tesseract-ocr-tool.js';
import type { StepContext } from '../../src/pipeline/step.js';

export type StepTools = Pick<StepContext, 'media' | 'images' | 'documents' | 'ocr' | 'progress'>;

/**
 * The real tools a step runs with in medium tests; a test passes the ones it keeps a handle on.
 * One place to add a tool when steps get a new one.
 */
export function realStepTools(given: Partial<StepTools> = {}): StepTools {
  return {
    media: given.media ?? new FluentFfmpegMediaTool(),
    images: given.images ?? new SharpImageTool(),
    documents: given.documents ?? new PopplerDocumentTool(),
    ocr: given.ocr ?? new TesseractOcrTool(),
    progress: given.progress ?? (() => undefined),
  };
}
