import { describe, expect, it } from 'vitest';
import { derivedTerms, editDistance, matchesTerm, queryDerivations } from '../../../../src/adapters/search-index/meili-derivations.js';
import { foldKeepingLength } from '../../../../src/adapters/search-index/meili-highlight.js';

/** The words of `text` a search for `q` marks, sorted. */
const marked = (q: string, text: string): string[] => [...derivedTerms(queryDerivations(q), [foldKeepingLength(text)])].sort();

describe('the query as Meilisearch reads it', () => {
  it('folds words, drops stop words, allows typos by length and a prefix on the very last word only', () => {
    expect(queryDerivations('la Souveraineté numéri').terms.slice(0, 2)).toEqual([
      { word: 'souverainete', typos: 2, prefix: false },
      { word: 'numeri', typos: 1, prefix: true },
    ]);
    // A separator after it: the last word is whole.
    expect(queryDerivations('inclusion ').terms[0]).toEqual({ word: 'inclusion', typos: 2, prefix: false });
    expect(queryDerivations('ville').terms[0]).toMatchObject({ typos: 1 });
    expect(queryDerivations('élus').terms[0]).toMatchObject({ word: 'elus', typos: 0 });
    expect(queryDerivations('2024').terms[0]).toMatchObject({ typos: 0 });
    // A stop word counts only as the very last word, as a prefix without typos.
    expect(queryDerivations('numérique la').terms.map((t) => t.word)).toEqual(['numerique', 'la', 'numeriquela']);
  });

  it('joins two or three words in a row, a typo less per word joined, not across a full stop or a stop word', () => {
    const words = (q: string): string[] => queryDerivations(q).terms.map((t) => t.word);
    expect(words('open data')).toEqual(['open', 'data', 'opendata']);
    expect(queryDerivations('tiers lieux').terms[2]).toEqual({ word: 'tierslieux', typos: 1, prefix: true });
    expect(words('biens communs numériques')).toContain('bienscommunsnumeriques');
    expect(words('open. data')).toEqual(['open', 'data']);
    expect(words('accès de internet')).toContain('accesdeinternet');
    // "à" folds to "a", a stop word: it holds a place, so the words around it are not in a row.
    expect(words('accès à internet')).toEqual(['acces', 'internet']);
  });

  it('knows quoted phrases, excluded words and the synonyms of a word or a group of words', () => {
    const d = queryDerivations('"fracture numérique" -inclusion IA');
    expect(d.phrases).toContainEqual(['fracture', 'numerique']);
    expect(d.phrases).toContainEqual(['intelligence', 'artificielle']);
    expect(d.terms.map((t) => t.word)).toEqual(['ia']);
    expect(d.own.sort()).toEqual(['fracture', 'ia', 'numerique']);
    expect(queryDerivations('e-administration').terms.map((t) => t.word)).toContain('administration');
    expect(queryDerivations('intelligence artificielle').phrases).toContainEqual(['ia']);
  });

  it('reads the first 10 words only, as Meilisearch does', () => {
    // Stop words do not count: "les" is not one of the 10.
    const q = 'zéro les deux trois quatre cinq six sept huit neuf dix onze';
    expect(queryDerivations(q).own).toContain('dix');
    expect(queryDerivations(q).own).not.toContain('onze');
  });
});

describe('which words of a text match', () => {
  it('counts edits with transpositions, or the closest beginning of the word for a prefix', () => {
    expect(editDistance('inclsuion', 'inclusion', 2, false)).toBe(1);
    expect(editDistance('mediaton', 'mediation', 1, false)).toBe(1);
    expect(editDistance('numeriq', 'numeriques', 1, true)).toBe(0);
    expect(editDistance('nmerique', 'numeriques', 1, true)).toBe(1);
    expect(editDistance('abcdef', 'uvwxyz', 2, false)).toBe(3);
  });

  it('with one typo allowed the first letter must be right; with two, an edit on it counts two', () => {
    expect(matchesTerm({ word: 'ville', typos: 1, prefix: false }, 'villes')).toBe(true);
    expect(matchesTerm({ word: 'ville', typos: 1, prefix: false }, 'mille')).toBe(false);
    expect(matchesTerm({ word: 'inclusion', typos: 2, prefix: false }, 'enclusion')).toBe(true);
    expect(matchesTerm({ word: 'inclusion', typos: 2, prefix: false }, 'nclusion')).toBe(true);
    expect(matchesTerm({ word: 'inclusion', typos: 2, prefix: false }, 'niclusion')).toBe(true);
    expect(matchesTerm({ word: 'inclusion', typos: 2, prefix: false }, 'enclusoin')).toBe(false);
    expect(matchesTerm({ word: 'inclusion', typos: 2, prefix: false }, 'inclusoin')).toBe(true);
    // Numbers and stop words are never typos of anything.
    expect(matchesTerm({ word: '20245', typos: 1, prefix: false }, '20246')).toBe(false);
    expect(matchesTerm({ word: 'cettes', typos: 1, prefix: false }, 'cette')).toBe(false);
  });

  it('marks the forms found in the texts: typos, the last word’s continuations, synonyms, phrases and split words', () => {
    expect(marked('souvrainete', 'La souveraineté, la souverainté')).toEqual(['souverainete', 'souverainte', 'souvrainete']);
    expect(marked('numéri', 'les numériques et le numérique')).toEqual(['numeri', 'numerique', 'numeriques']);
    expect(marked('numérique -inclusion', 'le numérique et l’inclusion numériques')).toEqual(['numerique', 'numeriques']);
    expect(marked('IA', 'L’intelligence artificielle, l’intelligence seule')).toEqual(['artificielle', 'ia', 'intelligence']);
    expect(marked('opendata', 'l’open data')).toEqual(['data', 'open', 'opendata']);
    expect(marked('"fracture numérique"', 'une fracture, puis la fracture numérique')).toEqual(['fracture', 'numerique']);
    // The first synonym that matches where several start, then on after it.
    expect(marked('LSF', 'la langue des signes française')).toEqual(['des', 'langue', 'lsf', 'signes']);
  });
});
