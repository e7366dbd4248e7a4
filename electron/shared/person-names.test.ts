import { describe, expect, it } from 'vitest';
import { nameForms, personNamesIn } from './person-names';

const sylvie = { firstName: 'Sylvie', lastName: 'Hœrner' };
const jacques = { firstName: 'Jean-Jacques', lastName: 'Kessler-Lentz', birthName: null };

describe('person names in shared text (G6)', () => {
  it('finds the last or first name whatever the accents, case and ligatures, as written', () => {
    expect(personNamesIn('Situation de Mme HOERNER, relais logement', sylvie)).toEqual(['HOERNER']);
    expect(personNamesIn('Mme hœrner souhaite rester', sylvie)).toEqual(['hœrner']);
    expect(personNamesIn('sylvie a refusé la visite', sylvie)).toEqual(['sylvie']);
    expect(personNamesIn('Sylvie Hoerner', sylvie)).toEqual(['Hoerner', 'Sylvie']);
  });

  it('finds a compound name whole, or any of its parts, with or without the hyphen', () => {
    expect(personNamesIn('Visite chez M. Kessler-Lentz', jacques)).toEqual(['Kessler-Lentz']);
    expect(personNamesIn('Visite chez M. Kessler Lentz', jacques)).toEqual(['Kessler Lentz']);
    expect(personNamesIn('M. Lentz a appelé', jacques)).toEqual(['Lentz']);
    expect(personNamesIn('Jean Jacques refuse', jacques)).toEqual(['Jean Jacques']);
  });

  it('accepts words that merely contain the same letters', () => {
    expect(personNamesIn('Remarque : le marché est loin', { firstName: 'Marc', lastName: 'Léa' })).toEqual([]);
    expect(personNamesIn('Les sylviculteurs et la forêt', sylvie)).toEqual([]);
    expect(personNamesIn('Hoerners', sylvie)).toEqual([]);
    expect(personNamesIn('', sylvie)).toEqual([]);
  });

  it('reports a word once, even when it is both names', () => {
    expect(personNamesIn('Appeler Martin demain', { firstName: 'Martin', lastName: 'Martin' })).toEqual(['Martin']);
  });

  it('lists the forms longest first, trimmed, down to parts of three letters', () => {
    expect(nameForms({ firstName: ' Jean-Jacques ', lastName: 'Le Roy' })).toEqual(['jean-jacques', 'jacques', 'le roy', 'jean', 'roy']);
    expect(personNamesIn('M. Roy viendra', { firstName: 'Paul', lastName: 'Le Roy' })).toEqual(['Roy']);
  });

  it('searches the birth name, and never a part too short to identify anyone', () => {
    expect(personNamesIn('née Muller en 1970', { firstName: 'Anne', lastName: 'Le Goff', birthName: 'Muller' })).toEqual(['Muller']);
    expect(nameForms({ firstName: 'Anne', lastName: 'Le Goff' })).toEqual(['le goff', 'goff', 'anne']);
    expect(personNamesIn('Le logement', { firstName: 'Anne', lastName: 'Le Goff' })).toEqual([]);
  });
});
