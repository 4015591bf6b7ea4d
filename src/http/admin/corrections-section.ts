import { Router, type Response } from 'express';
import { NotFoundError } from '../../domain/errors.js';
import type { ManifestFields } from '../../domain/manifest.js';
import { isSuggestionId, listSuggestions, type Suggestion } from '../../services/corrections/correction-store.js';
import { acceptSuggestion, dismissSuggestion, SuggestionDecidedError } from '../../services/corrections/decide-correction.js';
import { wordDiff } from '../../services/corrections/word-diff.js';
import { applyGlossaryToArchive } from '../../services/glossary/apply-glossary.js';
import { addGlossaryEntry, readGlossary, removeGlossaryEntry } from '../../services/glossary/glossary-store.js';
import { recordOperatorAction } from '../../services/operators/operator-log.js';
import { formatDate, timecode } from '../format.js';
import { translate } from '../i18n/messages.js';
import type { Locale } from '../locale.js';
import { contextOf } from '../request-context.js';
import { adminHref, mediaUrl, passageHref } from '../urls.js';
import type { WebDeps } from '../web-deps.js';
import type { AdminSection } from './admin-router.js';
import { sendAdminPage } from './admin-render.js';
import { csrfToken } from './admin-session.js';
import { operatorOf } from './admin-state.js';

const PATH = '/corrections';
const DONE = ['accepted', 'rejected', 'spam', 'glossary', 'applied', 'decided'] as const;

/** How a pending suggestion is shown: the diff, a player at its second, the decision forms. */
function suggestionModel(suggestion: Suggestion, manifest: ManifestFields | null, locale: Locale, csrf: string) {
  const time = timecode(suggestion.start);
  const base = `${PATH}/${suggestion.item}/${suggestion.id}`;
  return {
    id: suggestion.id,
    heading: translate(locale, 'corrections.admin.suggestion', { title: manifest?.title ?? suggestion.item, time }),
    sentAt: translate(locale, 'corrections.admin.sentAt', { date: formatDate(locale, suggestion.at.slice(0, 10)) }),
    itemHref: manifest ? passageHref(manifest.kind, manifest.id, { start: suggestion.start, page: null }, locale) : null,
    lang: suggestion.language === locale ? null : suggestion.language,
    diff: wordDiff(suggestion.current, suggestion.text).map((part) => ({ ...part, del: part.op === 'del', ins: part.op === 'ins' })),
    speaker: suggestion.speaker && suggestion.speaker !== suggestion.currentSpeaker ? translate(locale, 'corrections.admin.speaker', { name: suggestion.speaker }) : null,
    note: suggestion.note ? translate(locale, 'corrections.admin.note', { note: suggestion.note }) : null,
    player: manifest ? playerOf(manifest, suggestion, locale) : null,
    text: suggestion.text,
    accept: adminHref(locale, `${base}/accept`),
    reject: adminHref(locale, `${base}/reject`),
    spam: adminHref(locale, `${base}/spam`),
    csrf,
  };
}

/** The item's own downloadable file, played from the passage's second (a media fragment: no script needed). */
function playerOf(manifest: ManifestFields, suggestion: Suggestion, locale: Locale) {
  const fragment = `#t=${suggestion.start},${suggestion.end}`;
  const video = manifest.downloads.find((d) => d.format === 'mp4');
  const audio = manifest.downloads.find((d) => d.format === 'm4a' || d.format === 'mp3' || d.format === 'opus');
  const file = video ?? audio;
  if (!file) return null;
  return {
    video: file === video,
    src: `${mediaUrl(file.key)}${fragment}`,
    type: file.contentType,
    label: translate(locale, 'corrections.admin.player', { time: timecode(suggestion.start) }),
  };
}

function operatorName(res: Response): string {
  const operator = operatorOf(res);
  if (!operator) throw new Error('the corrections section is mounted behind requireOperator');
  return operator.name;
}

/**
 * The console's corrections: pending suggestions to accept (optionally edited), reject or mark
 * as spam, and the glossary. Every form posts with the CSRF token (checked by the console's
 * router) and answers 303 back here with what was done.
 */
function correctionsRouter(deps: WebDeps): Router {
  const router = Router();
  const reindex = deps.indexer ? (id: string) => deps.indexer!.indexItem(id) : undefined;
  const decisionDeps = { store: deps.store, ...(reindex ? { reindex } : {}) };
  const back = (res: Response, query: Record<string, string | number>): void => res.redirect(303, adminHref(contextOf(res).locale, PATH, query));

  router.get('/', async (req, res) => {
    const { locale } = contextOf(res);
    const csrf = csrfToken(req, res);
    const [pending, glossary, snapshot] = await Promise.all([listSuggestions(deps.store, { state: 'pending' }), readGlossary(deps.store), deps.catalogue.snapshot()]);
    const done = DONE.find((d) => d === req.query.done);
    const doneItem = typeof req.query.item === 'string' ? snapshot.byId.get(req.query.item) : undefined;
    const heading = translate(locale, 'corrections.admin.title');
    sendAdminPage(res, 'admin/corrections', {
      heading,
      message: done ? translate(locale, `corrections.admin.done.${done}`, { title: doneItem?.title ?? '', count: Number(req.query.count ?? 0) }) : null,
      pendingCount: translate(locale, 'corrections.admin.pending', { count: pending.length }),
      suggestions: pending.map((s) => suggestionModel(s, snapshot.byId.get(s.item) ?? null, locale, csrf)),
      glossary: glossary.map((e) => ({ ...e, remove: translate(locale, 'corrections.glossary.remove', { find: e.find }) })),
      glossaryAdd: adminHref(locale, `${PATH}/glossary`),
      glossaryRemove: adminHref(locale, `${PATH}/glossary/remove`),
      glossaryApply: adminHref(locale, `${PATH}/glossary/apply`),
      csrf,
    }, { title: heading, styles: ['css/corrections.css'] });
  });

  router.post('/:item/:id/:decision', async (req, res) => {
    const item = String(req.params.item);
    const id = String(req.params.id);
    const decision = String(req.params.decision);
    if (!isSuggestionId(id) || !['accept', 'reject', 'spam'].includes(decision)) throw new NotFoundError(`no suggestion ${id}`);
    const operator = operatorName(res);
    try {
      if (decision === 'accept') {
        const text = typeof req.body?.text === 'string' ? req.body.text : null;
        await acceptSuggestion(decisionDeps, operator, item, id, text);
        // The page and search show the new words now, not at the catalogue's next pass.
        await deps.catalogue.refresh();
        return back(res, { done: 'accepted', item });
      }
      await dismissSuggestion(decisionDeps, operator, item, id, decision === 'spam' ? 'spam' : 'rejected');
      return back(res, { done: decision === 'spam' ? 'spam' : 'rejected' });
    } catch (error) {
      if (error instanceof SuggestionDecidedError) return back(res, { done: 'decided' });
      throw error;
    }
  });

  router.post('/glossary', async (req, res) => {
    const operator = operatorName(res);
    const find = String(req.body?.find ?? '');
    const replace = String(req.body?.replace ?? '');
    const entry = await addGlossaryEntry(deps.store, { find, replace }, operator);
    await recordOperatorAction(deps.store, { operator, action: 'glossary.add', target: entry.find, detail: { replace: entry.replace } });
    back(res, { done: 'glossary' });
  });

  router.post('/glossary/remove', async (req, res) => {
    const operator = operatorName(res);
    const find = String(req.body?.find ?? '');
    if (await removeGlossaryEntry(deps.store, find)) await recordOperatorAction(deps.store, { operator, action: 'glossary.remove', target: find });
    back(res, { done: 'glossary' });
  });

  router.post('/glossary/apply', async (_req, res) => {
    const operator = operatorName(res);
    const outcomes = await applyGlossaryToArchive(deps.store, await readGlossary(deps.store), operator, reindex ? { reindex } : {});
    await recordOperatorAction(deps.store, { operator, action: 'glossary.apply', target: null, detail: { transcripts: outcomes.length, items: [...new Set(outcomes.map((o) => o.id))] } });
    if (outcomes.length > 0) await deps.catalogue.refresh();
    back(res, { done: 'applied', count: outcomes.length });
  });

  return router;
}

/** The console's corrections section, listed and mounted by the console's router. */
export const correctionsSection: AdminSection = {
  path: PATH,
  title: (locale) => translate(locale, 'corrections.admin.title'),
  router: correctionsRouter,
};
