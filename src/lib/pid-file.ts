import { open, readFile, rm } from 'node:fs/promises';

/**
 * An exclusive file holding its owner's pid: created with O_EXCL, so two processes never both
 * hold it. A file left by a process that is gone (killed) is removed and can be taken again.
 */
export type PidFileResult = { taken: true; release: () => Promise<void> } | { taken: false; owner: number };

export async function takePidFile(file: string): Promise<PidFileResult> {
  try {
    const handle = await open(file, 'wx');
    await handle.writeFile(String(process.pid));
    await handle.close();
    return { taken: true, release: () => rm(file, { force: true }) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const owner = Number((await readFile(file, 'utf8').catch(() => '')).trim());
    if (owner && owner !== process.pid && isAlive(owner)) return { taken: false, owner };
    await rm(file, { force: true }); // left by a process that was killed
    return { taken: false, owner: 0 };
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
