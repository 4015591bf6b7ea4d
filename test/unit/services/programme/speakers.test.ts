import { describe, expect, it } from 'vitest';
import { parseSpeakerObject, parseSpeakerText, splitOutsideParentheses } from '../../../../src/services/programme/speakers.js';

describe('speakers', () => {
  it.each([
    ['Jeanne Martin', { name: 'Jeanne Martin', slug: 'jeanne-martin' }],
    ['Jeanne Martin (La Mednum)', { name: 'Jeanne Martin', organisation: 'La Mednum', slug: 'jeanne-martin' }],
    ['Ali Ben (Ville de Strasbourg) — modérateur', { name: 'Ali Ben', organisation: 'Ville de Strasbourg', role: 'modérateur', slug: 'ali-ben' }],
    ['Ali Ben – animateur', { name: 'Ali Ben', role: 'animateur', slug: 'ali-ben' }],
    ['Jean-Pierre Œuvrard (ANCT - Agence (nationale)) - grand témoin', {
      name: 'Jean-Pierre Œuvrard', organisation: 'ANCT - Agence (nationale)', role: 'grand témoin', slug: 'jean-pierre-oeuvrard',
    }],
  ])('reads %j', (text, speaker) => {
    expect(parseSpeakerText(text)).toEqual({ ok: true, speaker });
  });

  it.each([
    ['Ali Ben (Ville', 'speaker "Ali Ben (Ville" is not written "Name (Organisation) — role"'],
    ['Ali Ben (Ville) adjoint', 'speaker "Ali Ben (Ville) adjoint" is not written "Name (Organisation) — role"'],
    ['(La Mednum)', 'speaker "(La Mednum)" has no name'],
    ['!!! — rôle', 'speaker name "!!!" has no letters or digits to make a page address from'],
  ])('refuses %j', (text, message) => {
    expect(parseSpeakerText(text)).toEqual({ ok: false, message });
  });

  it('reads the object form and splits lists outside parentheses', () => {
    expect(parseSpeakerObject({ name: 'Zoé Durand', org: 'Emmaüs Connect', role: 'intervenante' })).toEqual({
      ok: true,
      speaker: { name: 'Zoé Durand', organisation: 'Emmaüs Connect', role: 'intervenante', slug: 'zoe-durand' },
    });
    expect(parseSpeakerObject({ name: 3 })).toEqual({ ok: false, message: 'speaker {"name":3}: "name" must be text' });
    expect(splitOutsideParentheses('A (X; Y); B / C, D', [';', '/', ','])).toEqual(['A (X; Y)', 'B', 'C', 'D']);
  });
});
