/** Texts of the exports (search results' CSV link, README and LICENCES of an edition's package). In English. */
export const exporting = {
  'export.searchCsv.link': 'Download these results (CSV, at most {bound} items)',
  'export.readme.title': 'Numérique en Commun[s] {edition} — the edition as a package',
  'export.readme.contents': `This package holds:
- items.csv and items.json: the description of every item, as the API gives it;
- <id>/<id>.<language>.txt, <id>.slides.txt, <id>.pages.txt: the transcripts, slide and page text to read, with their source, licence and [12:34] times;
- <id>/text/…: every transcript (plain text .txt and WebVTT .vtt), the captions and audio descriptions, the text of slides and pages (JSON);
- the PDFs (documents, slides);
- media.csv: every media file with its URL, size, sha256 checksum and licence;
- LICENCES.md: the credit to give for each item.`,
  'export.readme.videos': 'Videos and audio files are listed, not packed: media.csv gives the URL of each, its size and its sha256 checksum to check the downloaded file.',
  'export.readme.source': 'Source: {url}',
  'export.licences.heading': 'Licences — Numérique en Commun[s] {edition}',
  'export.licences.intro': 'Each item is published under its own licence. To reuse one, give its credit below.',
} as const;
