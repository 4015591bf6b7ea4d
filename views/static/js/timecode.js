/** 754 → "12:34", 3725 → "1:02:05", as the server writes it (rounded down). A file of its own so pages without the player (home) need nothing else. */
export function timecode(value) {
  const total = Math.max(0, Math.floor(value));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
