import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaError } from '../../../src/domain/errors.js';
import type { MediaTool } from '../../../src/ports/media-tool.js';
import { probeCompanion } from '../../../src/pipeline/step-media.js';

describe('probeCompanion', () => {
  let root = '';
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'mc-companion-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  /** A media tool whose probe fails the way the adapter does: ffprobe's stderr, absolute path in it. */
  const failing = (stderr: (path: string) => string): MediaTool => ({
    probe: (path) => Promise.reject(new MediaError(path, stderr(path))),
    run: () => Promise.reject(new Error('not used')),
    check: () => Promise.reject(new Error('not used')),
  });

  it('names the declared file and gives the cause, not ffprobe\'s text', async () => {
    const path = join(root, 'lsf.mp4');
    await writeFile(path, 'Interprétation LSF : voir le lien envoyé par courriel.\n');
    const media = failing((p) => `${p}: Invalid data found when processing input`);
    const error = await probeCompanion(media, { path, declared: 'lsf.mp4' }, 'the sign-language video').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MediaError);
    expect(error).toMatchObject({ file: 'lsf.mp4', message: 'the sign-language video: not a media file: it contains text (wrong file or wrong extension?)' });
    expect((error as Error).message).not.toContain(root);
  });

  it('puts the declared name in place of the path when ffprobe\'s last line is all there is', async () => {
    const path = join(root, 'ad.wav');
    await writeFile(path, Buffer.from([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0]));
    const media = failing((p) => `[wav @ 0x55] some detail\n${p}: End of file`);
    await expect(probeCompanion(media, { path, declared: 'ad.wav' }, 'the audio-description file')).rejects.toMatchObject({
      file: 'ad.wav',
      message: 'the audio-description file: ad.wav: End of file',
    });
  });
});
