import { describe, expect, it } from 'vitest';
import { diagnosisWords } from './necessary';

describe('diagnosis vocabulary (G6 soft warning)', () => {
  it('finds diagnosis words whatever their accents and case, as whole words, and names them as written', () => {
    expect(diagnosisWords('Suivie pour une Schizophrénie, épisode dépressif en 2024')).toEqual(['Schizophrénie', 'dépressif']);
    expect(diagnosisWords('Trouble BIPOLAIRE évoqué par la famille')).toEqual(['BIPOLAIRE']);
    expect(diagnosisWords('Après une tentative de suicide')).toEqual(['tentative de suicide']);
    expect(diagnosisWords('Hospitalisée en mars, sevrage d’alcool, Addiction au cannabis')).toEqual([
      'Hospitalisée',
      'alcool',
      'Addiction',
      'sevrage',
      'cannabis',
    ]);
    expect(diagnosisWords('Arrêt du traitement, méthadone')).toEqual(['traitement', 'méthadone']);
  });

  it('stays quiet on ordinary words that contain a listed one', () => {
    expect(diagnosisWords('Dette de loyer, isolement, refuse les visites du bailleur')).toEqual([]);
    expect(diagnosisWords('Stockage important dans le logement')).toEqual([]); // « toc » inside « stockage »
  });
});
