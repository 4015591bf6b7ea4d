/**
 * A large archive for table 9, made from the ingested short sample's manifests: each generated
 * item copies the manifest of a sample item of the same kind (its files, renditions, images,
 * tracks: the shape and size of a real manifest) under a new id, with its own title, speakers,
 * themes, edition and date, and writes the text files search reads: one transcript of a few
 * cues (talks, podcasts) or a few pages (documents). Slides and second languages are left out
 * to keep the archive quick to write: a few passages per item.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Manifest } from '../../src/domain/manifest.js';
import { manifestKey } from '../../src/domain/manifest.js';
import { slugify } from '../../src/domain/slug.js';
import type { PageTextFile, TranscriptFile } from '../../src/domain/text.js';
import { mapLimit } from '../../src/lib/concurrency.js';
import type { BlobStore } from '../../src/ports/blob-store.js';

const CITIES = ['Strasbourg', 'Lyon', 'Nantes', 'Bordeaux', 'Lille', 'Marseille', 'Rennes', 'Toulouse', 'Montpellier', 'Dijon', 'Grenoble', 'Brest'];
const YEARS = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
const FIRST = ['Jeanne', 'Ali', 'Claire', 'Mehdi', 'Sophie', 'Yann', 'Nadia', 'Pierre', 'Fatou', 'Louis', 'Inès', 'Hugo', 'Camille', 'Karim', 'Léa', 'Thomas'];
const LAST = ['Martin', 'Ben Salah', 'Vasseur', 'Nguyen', 'Durand', 'Le Goff', 'Diallo', 'Moreau', 'Lefèvre', 'Garcia', 'Roux', 'Fontaine', 'Chevalier', 'Benali'];
const ORGS = ['La Mednum', 'Ville de Strasbourg', 'Emmaüs Connect', 'Région Grand Est', 'Framasoft', 'ANCT', 'Pix', 'Les Assembleurs', 'Hub du Sud', 'PIMMS'];
const THEMES = ['Communs & souveraineté', 'Éthique & émancipation', 'Inclusion numérique', 'Sobriété', 'Données ouvertes', 'Médiation', 'Intelligence artificielle', 'Territoires'];
const SUBJECTS = ['la médiation numérique', 'les communs', 'les données ouvertes', 'la sobriété numérique', 'l’accessibilité', 'l’intelligence artificielle', 'les tiers-lieux', 'l’inclusion', 'les logiciels libres', 'la cybersécurité'];
const FORMS = ['Retour d’expérience sur', 'Table ronde : repenser', 'Atelier pratique autour de', 'Podcast : parler de', 'Comprendre', 'Faire ensemble', 'Former à', 'Mesurer'];
const SENTENCES = [
  'Nous accompagnons chaque semaine des habitants éloignés du numérique.',
  'La question des communs traverse toutes nos actions sur le territoire.',
  'Les médiatrices ont construit des parcours avec les bibliothèques.',
  'Il faut des outils ouverts, documentés et que chacun puisse reprendre.',
  'Les collectivités financent désormais des postes de conseillers.',
  'On a mesuré la consommation électrique de nos équipements.',
  'Les associations partagent leurs ressources sous licence libre.',
  'Merci à toutes et à tous pour vos questions.',
];

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

export interface GeneratedItem {
  manifest: Manifest;
  /** Text files the manifest names, key → JSON. */
  texts: Map<string, string>;
}

/** Item `n` of the generated archive, from the sample template of its kind. */
export function generatedItem(templates: readonly Manifest[], n: number, edition?: { year: number; city: string }): GeneratedItem {
  const template = pick(templates, n);
  const year = edition?.year ?? pick(YEARS, Math.floor(n / 7));
  const city = edition?.city ?? pick(CITIES, Math.floor(n / 3));
  const label = `${year} ${city}`;
  const title = `${pick(FORMS, n)} ${pick(SUBJECTS, Math.floor(n / 11))} (${n})`;
  const id = `${slugify(label)}-${slugify(title)}`.slice(0, 90).replace(/-+$/, '');
  // Every key of the template names its item folder: the copy names its own.
  const copy = JSON.parse(JSON.stringify(template).replaceAll(`items/${template.id}/`, `items/${id}/`)) as Manifest;
  const speakers = [0, 1].slice(0, 1 + (n % 2)).map((i) => {
    const name = `${pick(FIRST, n + i * 5)} ${pick(LAST, Math.floor(n / 5) + i)}`;
    return { name, organisation: pick(ORGS, n + i), slug: slugify(name) };
  });
  const texts = new Map<string, string>();
  const [transcript] = copy.text.transcripts;
  const language = transcript?.language ?? copy.language;
  const cues = Array.from({ length: 6 }, (_, i) => ({ start: i * 20, end: i * 20 + 18, text: `${pick(SENTENCES, n + i)} ${title}.`, speaker: null }));
  if (transcript) texts.set(transcript.json, JSON.stringify({ version: 1, language, source: transcript.source, cues } satisfies TranscriptFile));
  if (copy.text.pages) {
    const pages: PageTextFile = { version: 1, language, pages: [1, 2, 3].map((page) => ({ page, text: `${pick(SENTENCES, n + page)} ${title}.`, ocr: false })) };
    texts.set(copy.text.pages.key, JSON.stringify(pages));
  }
  const manifest: Manifest = {
    ...copy,
    id,
    aliases: [],
    title,
    summary: `${pick(SENTENCES, n)} ${pick(SENTENCES, n + 3)}`,
    edition: { label, year, city, slug: slugify(label) },
    date: `${year}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`,
    themes: [pick(THEMES, n), pick(THEMES, Math.floor(n / 3) + 1)].filter((t, i, all) => all.indexOf(t) === i),
    speakers,
    text: {
      ...copy.text,
      transcripts: transcript ? [{ ...transcript, cues: cues.length, words: cues.map((c) => c.text).join(' ').split(/\s+/).length }] : [],
      slides: null,
      pages: copy.text.pages ? { ...copy.text.pages, count: 3 } : null,
    },
  };
  return { manifest, texts };
}

/** Writes item `n`'s text files, then its manifest (last, as a publish does). */
export async function writeGenerated(put: (key: string, body: string) => Promise<unknown>, item: GeneratedItem): Promise<void> {
  for (const [key, body] of item.texts) await put(key, body);
  await put(manifestKey(item.manifest.id), JSON.stringify(item.manifest, null, 2));
}

/** The whole archive, written through `put` a few at a time; returns the bytes of manifests written. */
export async function writeArchive(put: (key: string, body: string) => Promise<unknown>, templates: readonly Manifest[], count: number, lanes: number): Promise<{ manifestBytes: number }> {
  let manifestBytes = 0;
  await mapLimit(Array.from({ length: count }, (_, n) => n), lanes, async (n) => {
    const item = generatedItem(templates, n);
    manifestBytes += Buffer.byteLength(JSON.stringify(item.manifest, null, 2));
    await writeGenerated(put, item);
  });
  return { manifestBytes };
}

/** Plain files under `root` (the filesystem store's layout), without the store's fsync per file: setup, not measured. */
export function fsWriter(root: string): (key: string, body: string) => Promise<void> {
  return async (key, body) => {
    const file = path.join(root, ...key.split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, body);
  };
}

export function storeWriter(store: BlobStore): (key: string, body: string) => Promise<unknown> {
  return (key, body) => store.putBuffer(key, body, 'application/json');
}
