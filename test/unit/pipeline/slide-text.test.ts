import { describe, expect, it } from 'vitest';
import { slideTextFileSchema } from '../../../src/domain/text.js';
import type { OcrLine } from '../../../src/ports/ocr-tool.js';
import {
  cleanOcrLines,
  mergeSlides,
  ocrFrameCommand,
  readTime,
  sameSlide,
  slideTextFile,
  templateLines,
  titledChapters,
  tokens,
  type SlideReading,
} from '../../../src/pipeline/slide-text.js';

/** A line as Tesseract gives it: "word:confidence" pairs, confidence 96 when left out. */
function line(text: string, block = 1, paragraph = 1): OcrLine {
  return {
    block,
    paragraph,
    words: text.split(' ').map((word) => {
      const [value, confidence] = word.split('@');
      return { text: value as string, confidence: confidence === undefined ? 96 : Number(confidence) };
    }),
  };
}

const FOOTER = 'Numérique en Commun[s] · Strasbourg 2025';
const slide = (start: number, end: number, text: string, confidence: number | null = 90): SlideReading => ({ start, end, text, confidence });

describe('cleanOcrLines', () => {
  it('drops bullets read as symbols or as a low-confidence letter, and keeps the words', () => {
    const clean = cleanOcrLines([
      line('Ce que nous observons au guichet'),
      line('+@41 Des courriers rédigés par un robot'),
      line('e@80 De la confiance aveugle, ou de la peur'),
      line('•@90 Des agents d\'accueil rarement formés'),
    ]);
    expect(clean.text).toBe([
      'Ce que nous observons au guichet',
      'Des courriers rédigés par un robot',
      'De la confiance aveugle, ou de la peur',
      "Des agents d'accueil rarement formés",
    ].join('\n'));
    expect(clean.words).toBe(25);
    expect(clean.confidence).toBe(96);
  });

  it('keeps a confident one-letter word, a list number and an opening quote', () => {
    expect(cleanOcrLines([line('À@93 retenir'), line('«@80 Rien sans nous »'), line('2@90 Préparer')]).text).toBe('À retenir\n« Rien sans nous »\n2 Préparer');
  });

  it('drops a low-confidence first character even when it could be a word', () => {
    expect(cleanOcrLines([line('a@31 Publier et faire vivre')]).text).toBe('Publier et faire vivre');
  });

  it('drops lines of noise: symbols, single characters, slide numbers, low confidence; keeps rows of figures', () => {
    const clean = cleanOcrLines([
      line('|@60 —@55 =@30'),
      line('e@20'),
      line('~~@70 -=-@70 |l@70'),
      line('Wkr@12 ssl@20 vv@31'),
      line('Pourquoi ouvrir ?'),
      line('3/5'),
      line('25'),
      line('12 450 3 200 18 900'),
    ]);
    expect(clean.text).toBe('Pourquoi ouvrir ?\n12 450 3 200 18 900');
    expect(clean.words).toBe(9);
  });

  it('gives no text and no confidence for a picture without text', () => {
    expect(cleanOcrLines([])).toEqual({ text: '', paragraphs: [], confidence: null, words: 0 });
    expect(cleanOcrLines([{ block: 1, paragraph: 1, words: [{ text: ' ', confidence: 95 }] }])).toEqual({ text: '', paragraphs: [], confidence: null, words: 0 });
  });

  it('averages the confidence of the words it keeps', () => {
    expect(cleanOcrLines([line('Choisir@90 une@80 licence@70')]).confidence).toBe(80);
  });
});

describe('sameSlide', () => {
  it('matches identical and nearly identical readings', () => {
    const a = tokens('Trois principes pour la médiation Expliquer comment l’outil fabrique ses réponses');
    expect(sameSlide(a, a)).toBe(true);
    expect(sameSlide(a, tokens('Trois principes pour la mediation Expliquer comment l’outi fabrique ses réponses'))).toBe(true);
  });

  it('matches a slide built bullet by bullet', () => {
    expect(sameSlide(tokens('Pourquoi ouvrir ? Une obligation légale'), tokens('Pourquoi ouvrir ? Une obligation légale Moins de demandes'))).toBe(true);
  });

  it('tells different slides apart, even when a short one shares its words', () => {
    expect(sameSlide(tokens('Choisir une licence'), tokens('Publier et faire vivre'))).toBe(false);
    expect(sameSlide(tokens('Questions'), tokens('Questions et réponses sur les données ouvertes'))).toBe(false);
  });

  it('treats two empty readings as the same (a picture shown twice) and empty vs text as different', () => {
    expect(sameSlide([], [])).toBe(true);
    expect(sameSlide([], tokens('Merci'))).toBe(false);
  });
});

describe('templateLines', () => {
  it('finds the footer on nearly every slide, whatever its slide number', () => {
    const titles = ['Ouvrir', 'Préparer', 'Choisir', 'Publier'];
    const slides = titles.map((title, n) => slide(n * 10, n * 10 + 10, `${title}\nÉtape ${n + 1}\n${FOOTER} ${n + 1}/4`));
    // "Étape 1", "Étape 2"… read alike too: a numbered heading on every slide is template as well.
    expect([...templateLines(slides)]).toEqual(['etape', 'numerique en commun s strasbourg']);
  });

  it('needs three slides: two slides alike are not a template', () => {
    expect(templateLines([slide(0, 5, `A\n${FOOTER}`), slide(5, 9, `B\n${FOOTER}`)]).size).toBe(0);
  });
});

describe('mergeSlides', () => {
  it('merges the same slide shown twice in a row into one time range', () => {
    const merged = mergeSlides([
      slide(0, 12.5, 'Accompagner sans remplacer\nClaire Vasseur'),
      slide(12.5, 20, 'Accompagner sans remplacer\nClaire Vasseur'),
      slide(20, 31, 'Ce que nous observons au guichet\nDes courriers rédigés par un robot'),
    ]);
    expect(merged.map((s) => [s.start, s.end])).toEqual([[0, 20], [20, 31]]);
  });

  it('keeps the fullest reading of a slide built bullet by bullet', () => {
    const merged = mergeSlides([
      slide(0, 4, 'Pourquoi ouvrir ?\nUne obligation pour beaucoup de communes', 88),
      slide(4, 9, 'Pourquoi ouvrir ?\nUne obligation pour beaucoup de communes\nMoins de demandes individuelles', 91),
      slide(9, 15, 'Préparer un bon fichier\nUne ligne par objet'),
    ]);
    expect(merged).toEqual([
      { start: 0, end: 9, text: 'Pourquoi ouvrir ?\nUne obligation pour beaucoup de communes\nMoins de demandes individuelles', confidence: 91 },
      { start: 9, end: 15, text: 'Préparer un bon fichier\nUne ligne par objet', confidence: 90 },
    ]);
  });

  it('keeps a slide shown again later as its own entry', () => {
    const merged = mergeSlides([slide(0, 5, 'Plan de la séance'), slide(5, 10, 'Données ouvertes'), slide(10, 15, 'Plan de la séance')]);
    expect(merged.map((s) => s.text)).toEqual(['Plan de la séance', 'Données ouvertes', 'Plan de la séance']);
  });

  it('judges slides on their content, not on the footer they share, and removes that footer', () => {
    const merged = mergeSlides([
      slide(0, 5, `Merci\n${FOOTER} 1/4`),
      slide(5, 10, `Questions\n${FOOTER} 2/4`),
      slide(10, 15, `Contact\n${FOOTER} 3/4`),
      slide(15, 20, `Contact\n${FOOTER} 3/4`),
    ]);
    expect(merged.map((s) => [s.start, s.end, s.text])).toEqual([[0, 5, 'Merci'], [5, 10, 'Questions'], [10, 20, 'Contact']]);
  });

  it('drops slides without text once merged, and sorts by time', () => {
    const merged = mergeSlides([slide(10, 20, 'Deuxième'), slide(0, 5, '', null), slide(5, 10, '', null)]);
    expect(merged.map((s) => [s.start, s.end, s.text])).toEqual([[10, 20, 'Deuxième']]);
  });
});

describe('reading a slide', () => {
  it('reads shortly after the change, never past a third of a short slide', () => {
    expect(readTime({ start: 12, end: 40 })).toBe(13);
    expect(readTime({ start: 12, end: 13.5 })).toBe(12.5);
  });

  it('seeks before the input, keeps full resolution in grey, and doubles small frames', () => {
    const big = ocrFrameCommand('/in/talk.mp4', 13, '/tmp/slide-1.png', 1920);
    expect(big.inputs).toEqual([{ path: '/in/talk.mp4', options: ['-nostdin', '-ss', '13.000'] }]);
    expect(big.outputs[0]?.options).toEqual([
      '-map', '0:V:0', '-an', '-sn', '-dn', '-vf', 'scale=trunc(iw*sar/2)*2:ih,setsar=1,format=gray', '-frames:v', '1', '-update', '1', '-f', 'image2',
    ]);
    const small = ocrFrameCommand('/in/talk.mp4', 1, '/tmp/slide-1.png', 640);
    expect(small.outputs[0]?.options).toContain('scale=trunc(iw*sar/2)*2:ih,setsar=1,format=gray,scale=iw*2:ih*2:flags=lanczos');
  });

  it('writes a SlideTextFile the schema accepts, times to the millisecond', () => {
    const file = slideTextFile('fr', [slide(0, 12.34567, 'Titre', 91.5), slide(12.34567, 20, 'Autre', null)]);
    expect(slideTextFileSchema.parse(file)).toEqual({
      version: 1, language: 'fr',
      slides: [{ start: 0, end: 12.346, text: 'Titre', confidence: 91.5 }, { start: 12.346, end: 20, text: 'Autre', confidence: null }],
    });
  });
});

describe('titledChapters', () => {
  const chapter = (start: number, end: number, n: number) => ({ start, end, title: `Diapositive ${n}` });
  const footer = 'Numérique en Commun[s] · Strasbourg 2025';

  it('titles each chapter with its slide\'s first paragraph, whole, joins a slide built in steps, keeps numbers where no text was read', () => {
    const chapters = [chapter(0, 10, 1), chapter(10, 20, 2), chapter(20, 30, 3), chapter(30, 40, 4)];
    const paragraphs = [
      [['Accompagner sans remplacer'], ['Claire Vasseur'], [footer]],
      [['Former les aidants, pas seulement', 'les usagers'], ['Ateliers de deux heures'], [footer]],
      [['Former les aidants, pas seulement', 'les usagers'], ['Ateliers de deux heures', 'Cas pratiques'], [footer]],
      [],
    ];
    const templates = templateLines(paragraphs.map((p, i) => ({ start: i * 10, end: i * 10 + 10, text: p.flat().join('\n'), confidence: 90 })));
    expect(titledChapters(chapters, paragraphs, templates)).toEqual([
      { start: 0, end: 10, title: 'Accompagner sans remplacer' },
      { start: 10, end: 30, title: 'Former les aidants, pas seulement les usagers' },
      { start: 30, end: 40, title: 'Diapositive 4' },
    ]);
  });

  it('skips a template paragraph that comes first (a label on every card)', () => {
    const cards = [['Une seconde vie'], ['2 000 tablettes', 'récupérées'], ['Réparées par des', 'jeunes en', 'insertion']];
    const paragraphs = cards.map((card) => [['PITCH · NEC 2025'], card, ['Inès Karaca']]);
    const templates = templateLines(paragraphs.map((p, i) => ({ start: i, end: i + 1, text: p.flat().join('\n'), confidence: 90 })));
    const titled = titledChapters([chapter(0, 1, 1), chapter(1, 2, 2), chapter(2, 3, 3)], paragraphs, templates);
    expect(titled.map((c) => c.title)).toEqual(['Une seconde vie', '2 000 tablettes récupérées', 'Réparées par des jeunes en insertion']);
  });

  it('shortens a long title at a word', () => {
    const long = 'Un titre de diapositive vraiment très long qui continue encore et encore jusqu’à déborder du menu';
    const [titled] = titledChapters([chapter(0, 5, 1)], [[[long]]], new Set());
    expect(titled?.title.endsWith('…')).toBe(true);
    expect([...(titled?.title ?? '')].length).toBeLessThanOrEqual(81);
    expect(long.startsWith((titled?.title ?? '').slice(0, -1))).toBe(true);
  });
});
