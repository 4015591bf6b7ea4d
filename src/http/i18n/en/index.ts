import { translation } from '../translation.js';
import { admin } from './admin.js';
import { citation } from './citation.js';
import { common } from './common.js';
import { corrections } from './corrections.js';
import { exporting } from './exports.js';
import { gone } from './gone.js';
import { iiif } from './iiif.js';
import { item } from './item.js';
import { moment } from './moment.js';
import { oai } from './oai.js';
import { pages } from './pages.js';
import { playerPrefs } from './player-prefs.js';
import { playerStreams } from './player-streams.js';
import { search } from './search.js';
import { stats } from './stats.js';
import { textFiles } from './text-files.js';

/** The English interface; `'complete'` is checked by the compiler against the French keys. */
export const en = translation([common, item, moment, search, pages, citation, textFiles, exporting, gone, iiif, oai, playerPrefs, playerStreams, admin, corrections, stats], 'complete');
