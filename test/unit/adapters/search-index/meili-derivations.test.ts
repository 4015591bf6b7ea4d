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

  it('gives the full distance table’s answer, though it computes only the cells near the diagonal', () => {
    // The plain table, every cell, transpositions of neighbours included.
    const full = (a: string, b: string, prefix: boolean): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          const row = d[i] as number[];
          row[j] = Math.min((d[i - 1]?.[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (d[i - 1]?.[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] ?? 0, (d[i - 2]?.[j - 2] ?? 0) + 1);
        }
      }
      const last = d[a.length] as number[];
      return prefix ? Math.min(...last) : (last[b.length] ?? 0);
    };
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const word = (): string => Array.from({ length: 1 + Math.floor(next() * 11) }, () => 'abcd'[Math.floor(next() * 4)]).join('');
    for (let k = 0; k < 3000; k++) {
      const [a, b, max, prefix] = [word(), word(), 1 + (k % 2), k % 3 === 0];
      expect(editDistance(a, b, max, prefix), `${a} ${b} ${max} ${prefix}`).toBe(Math.min(full(a, b, prefix), max + 1));
    }
  });

  it('matches as Meilisearch’s automata do, on any words: the quick tests before the distance never reject a match', () => {
    let seed = 11;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const word = (min: number): string => Array.from({ length: min + Math.floor(next() * 8) }, () => 'bcefg'[Math.floor(next() * 5)]).join('');
    // Meilisearch: with one typo, the first letter kept and one edit; with two, two edits, or one that changes the first letter.
    const reference = (t: string, w: string, typos: number, prefix: boolean): boolean => {
      const d = editDistance(t, w, 3, prefix);
      return w[0] === t[0] ? d <= typos : typos >= 2 && d <= 1;
    };
    for (let k = 0; k < 4000; k++) {
      const typos = 1 + (k % 2);
      const t = word(typos === 1 ? 5 : 9);
      // Half the words made from the term by a few random edits, so that matches are frequent.
      let w = k % 2 === 0 ? word(1) : t;
      for (let e = 0; k % 2 === 1 && e < 1 + (k % 3); e++) {
        const at = Math.floor(next() * w.length);
        const op = Math.floor(next() * 4);
        const c = 'bcefg'[Math.floor(next() * 5)];
        w = op === 0 ? w.slice(0, at) + c + w.slice(at + 1) : op === 1 ? w.slice(0, at) + w.slice(at + 1) : op === 2 ? w.slice(0, at) + c + w.slice(at) : w.slice(0, at) + (w[at + 1] ?? '') + (w[at] ?? '') + w.slice(at + 2);
      }
      const prefix = k % 5 === 0;
      expect(matchesTerm({ word: t, typos, prefix }, w), `${t} ${w} ${typos} ${prefix}`).toBe(reference(t, w, typos, prefix) || (prefix ? w.startsWith(t) : w === t));
    }
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
