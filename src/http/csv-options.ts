import type { Options } from 'csv-stringify';

/**
 * How every CSV the site hands out is written: UTF-8 with a byte order mark, so spreadsheet
 * software reads accents right instead of guessing a legacy encoding, and CRLF line ends
 * (RFC 4180). Cells are written as they are (no quote added before `=`, `-`, `+`, `@`): a
 * transcript line often starts with a dash, and the rows must read back as the search gave them.
 */
export const CSV_OPTIONS = { bom: true, record_delimiter: 'windows' } as const satisfies Options;
