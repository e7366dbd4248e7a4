import { describe, expect, it } from 'vitest';
import { addressedName, count, listing, of, ofPlace, salutation, startsWithVowelSound, that, toPlace, undersigned } from './french';

describe('French: elision before names', () => {
  it.each([
    ['Anne Klein', 'd’Anne Klein', 'qu’Anne Klein'],
    ['Ève Durand', 'd’Ève Durand', 'qu’Ève Durand'],
    ['Hélène Roth', 'd’Hélène Roth', 'qu’Hélène Roth'],
    ['Yves Muller', 'd’Yves Muller', 'qu’Yves Muller'],
    ['Œdipe Martin', 'd’Œdipe Martin', 'qu’Œdipe Martin'],
    ['Isabelle Weber', 'd’Isabelle Weber', 'qu’Isabelle Weber'],
    ['Claire Schmitt', 'de Claire Schmitt', 'que Claire Schmitt'],
    ['Françoise Hœrner', 'de Françoise Hœrner', 'que Françoise Hœrner'],
    ['Hœrner', 'de Hœrner', 'que Hœrner'],
    ['Hoffmann', 'de Hoffmann', 'que Hoffmann'],
    ['Yann Becker', 'de Yann Becker', 'que Yann Becker'],
    ['Stéphane Meyer', 'de Stéphane Meyer', 'que Stéphane Meyer'],
  ])('%s → %s, %s', (name, ofForm, thatForm) => {
    expect(of(name)).toBe(ofForm);
    expect(that(name)).toBe(thatForm);
  });

  it('reads a decomposed accent (NFD) like a composed one', () => {
    expect(startsWithVowelSound('E\u0301ve')).toBe(true);
    expect(of('  Anne  ')).toBe('d’Anne');
  });
});

describe('French: contraction with the article of an organisation or a place', () => {
  it.each([
    ['CCAS de Metz', 'du CCAS de Metz', 'au CCAS de Metz'],
    ['CMP de Metz-Queuleu', 'du CMP de Metz-Queuleu', 'au CMP de Metz-Queuleu'],
    ['Salle du CLSM', 'de la Salle du CLSM', 'à la Salle du CLSM'],
    ['Centre hospitalier de Jury', 'du Centre hospitalier de Jury', 'au Centre hospitalier de Jury'],
    ['UDAF de la Moselle', 'de l’UDAF de la Moselle', 'à l’UDAF de la Moselle'],
    ['Hôpital de Mercy', 'de l’Hôpital de Mercy', 'à l’Hôpital de Mercy'],
    ['Association Les Amis de Montigny', 'de l’Association Les Amis de Montigny', 'à l’Association Les Amis de Montigny'],
    ['Metz Habitat Territoire', 'de Metz Habitat Territoire', 'à Metz Habitat Territoire'],
    ['Metz', 'de Metz', 'à Metz'],
    ['Ars-sur-Moselle', 'd’Ars-sur-Moselle', 'à Ars-sur-Moselle'],
    ['Le Relais', 'du Relais', 'au Relais'],
    ['La Passerelle', 'de La Passerelle', 'à La Passerelle'],
    ['Les Tilleuls', 'des Tilleuls', 'aux Tilleuls'],
    ['L’Escale', 'de L’Escale', 'à L’Escale'],
    ['Mairie de Woippy', 'de la Mairie de Woippy', 'à la Mairie de Woippy'],
    ['Léa Martin', 'de Léa Martin', 'à Léa Martin'],
    ['Handicap Moselle', 'de Handicap Moselle', 'à Handicap Moselle'],
  ])('%s → %s, %s', (name, ofForm, toForm) => {
    expect(ofPlace(name)).toBe(ofForm);
    expect(toPlace(name)).toBe(toForm);
  });
});

describe('French: counts and civilities', () => {
  it('keeps 0 and 1 singular, writes the plural from 2', () => {
    expect(count(0, 'situation')).toBe('0 situation');
    expect(count(1, 'situation')).toBe('1 situation');
    expect(count(2, 'situation')).toBe('2 situations');
    expect(count(3, 'réunion')).toBe('3 réunions');
    expect(count(2, 'travail', 'travaux')).toBe('2 travaux');
  });

  it('agrees the undersigned with the civility, and needs no agreement without one', () => {
    const of = 'du Conseil local de santé mentale';
    expect(undersigned('madame', 'Claire Schmitt', of)).toBe(
      'Je soussignée, Claire Schmitt, coordinatrice du Conseil local de santé mentale,',
    );
    expect(undersigned('monsieur', 'Stéphane Meyer', of)).toBe(
      'Je soussigné, Stéphane Meyer, coordinateur du Conseil local de santé mentale,',
    );
    const neutral = undersigned('unspecified', 'Dominique Lorentz', of);
    expect(neutral).toBe('Dominique Lorentz, en charge de la coordination du Conseil local de santé mentale,');
    expect(neutral).not.toMatch(/\(e\)|\(trice\)/);
  });

  it('greets and names by civility', () => {
    expect(salutation('madame')).toBe('Madame,');
    expect(salutation('monsieur')).toBe('Monsieur,');
    expect(salutation('unspecified')).toBe('Madame, Monsieur,');
    expect(addressedName('madame', 'Anne Klein')).toBe('Madame Anne Klein');
    expect(addressedName('unspecified', 'Anne Klein')).toBe('Anne Klein');
  });

  it('lists with « et »', () => {
    expect(listing([])).toBe('');
    expect(listing(['1'])).toBe('1');
    expect(listing(['1', '2'])).toBe('1 et 2');
    expect(listing(['1', '2', '3'])).toBe('1, 2 et 3');
  });
});
