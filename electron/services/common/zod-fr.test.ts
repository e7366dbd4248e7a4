import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import './zod-fr';

const message = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? null : result.error.issues[0]!.message;
};

describe('the French error map (pinned wording)', () => {
  it('says in plain French what a schema leaves unsaid', () => {
    expect(message(z.string().max(200), 'x'.repeat(201))).toBe('Ce texte ne doit pas dépasser 200 caractères.');
    expect(message(z.string().min(1), '')).toBe('Ce champ est obligatoire.');
    expect(message(z.string(), undefined)).toBe('Ce champ est obligatoire.');
    expect(message(z.number().max(240), 300)).toBe('La valeur doit être au plus 240.');
    expect(message(z.enum(['a', 'b']), 'c')).toBe('Choisissez une valeur de la liste.');
    expect(message(z.object({ a: z.string() }).strict(), { a: 'x', isAdmin: true })).toBe('Champ inattendu : isAdmin.');
    expect(message(z.string(), 12)).toBe('Cette valeur n’est pas du type attendu.');
    expect(message(z.array(z.string()).max(2), ['a', 'b', 'c'])).toBe('Au plus 2 éléments.');
    expect(message(z.array(z.string()).min(1), [])).toBe('Au moins 1 élément.');
    // Found by the IPC fuzz test: an id past 2^53 got « 9007199254740991 éléments au plus. »
    expect(message(z.number().int().positive(), 2 ** 53)).toBe('Ce nombre est trop grand.');
    expect(message(z.number().int(), -(2 ** 53))).toBe('Ce nombre est trop petit.');
  });

  it('leaves the messages a schema writes itself', () => {
    expect(message(z.string().max(3, { message: 'Trois lettres au plus.' }), 'abcd')).toBe('Trois lettres au plus.');
  });
});
