/** Windows-1252's 0x80–0x9F, where it differs from Latin-1 (€, ‚, ƒ, „, …, œ, Ÿ…); 0 = unassigned. */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/**
 * Text files from spreadsheets and subtitle tools: UTF-8 (a BOM is dropped), or else
 * Windows-1252, the usual other in French offices. Node's TextDecoder reads "windows-1252" as
 * Latin-1 (0x80 gives U+0080, not €), hence the table.
 */
export function decodeText(bytes: Uint8Array): { text: string; converted: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), converted: false };
  } catch {
    let text = '';
    for (const byte of bytes) text += String.fromCharCode(byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] || byte : byte);
    return { text: text.replace(/^\uFEFF/, ''), converted: true };
  }
}
