/**
 * What this site keeps in the visitor's own browser (localStorage), and nothing else: no account,
 * nothing sent anywhere. Two entries: the settings (speed, captions, shortcuts, follow) and the
 * positions reached per recording. Storage can be missing or refuse (blocked site data, private
 * modes, a full quota): the values are then kept in memory for this page only, and nothing breaks.
 */
const PREFS_KEY = 'mediacommuns.prefs';
const POSITIONS_KEY = 'mediacommuns.positions';
/** The positions kept: the most recent ones, so the list and the entry stay small. */
const MAX_POSITIONS = 30;

const memory = new Map();

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function read(key) {
  let text = memory.get(key) ?? null;
  if (!memory.has(key)) {
    try {
      text = storage()?.getItem(key) ?? null;
    } catch {
      // Refused: nothing kept yet.
    }
  }
  try {
    const value = text === null ? null : JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
  } catch {
    return {};
  }
}

/** Written to localStorage; only when that fails is the value kept in memory (and read from there) for this page. */
function write(key, value) {
  const text = JSON.stringify(value);
  try {
    const store = storage();
    if (!store) throw new Error('no localStorage');
    store.setItem(key, text);
    memory.delete(key);
  } catch {
    memory.set(key, text);
  }
}

/** The visitor's settings: { speed, captionSize, captionContrast, captionPosition, captions, shortcuts, follow }. */
export const readPrefs = () => read(PREFS_KEY);

export function writePref(name, value) {
  write(PREFS_KEY, { ...read(PREFS_KEY), [name]: value });
}

/** id → { position, duration, title, kind, url, savedAt } of the recordings left part-way. */
export const readPositions = () => read(POSITIONS_KEY);

export function writePosition(id, entry) {
  const all = { ...read(POSITIONS_KEY), [id]: { ...entry, savedAt: Date.now() } };
  const kept = Object.entries(all).sort(([, a], [, b]) => (b.savedAt ?? 0) - (a.savedAt ?? 0)).slice(0, MAX_POSITIONS);
  write(POSITIONS_KEY, Object.fromEntries(kept));
}

export function forgetPosition(id) {
  const all = read(POSITIONS_KEY);
  if (!(id in all)) return;
  delete all[id];
  write(POSITIONS_KEY, all);
}

/** Everything this site kept in this browser, or only the positions. */
export function forgetAll({ positionsOnly = false } = {}) {
  const keys = positionsOnly ? [POSITIONS_KEY] : [PREFS_KEY, POSITIONS_KEY];
  for (const key of keys) {
    memory.delete(key);
    try {
      storage()?.removeItem(key);
    } catch {
      // Nothing was stored there.
    }
  }
}
