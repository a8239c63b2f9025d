import { parseSettings, settingsProblem } from './settings';

describe('parseSettings', () => {
  it('keeps well-formed settings as they are', () => {
    expect(
      parseSettings({ entity: 'Alcaldía de Pasto', vigencia: 2025, cutoff: '2025-06-30', lagThreshold: 0.8, extraSources: ['Donación'] }),
    ).toEqual({ entity: 'Alcaldía de Pasto', vigencia: 2025, cutoff: '2025-06-30', lagThreshold: 0.8, extraSources: ['Donación'] });
  });

  it('drops only the bad fields, keeping the good ones', () => {
    expect(parseSettings({ entity: 'Pasto', vigencia: '2025', cutoff: '2025-02-30', lagThreshold: 80, extraSources: 'SGR' })).toEqual({
      entity: 'Pasto',
    });
  });

  it('returns no settings for anything that is not an object', () => {
    for (const v of [null, undefined, 'texto', 42, [1, 2], true]) expect(parseSettings(v)).toEqual({});
  });

  it('ignores inherited and unknown keys (no prototype tricks)', () => {
    const tricky = JSON.parse('{"__proto__": {"entity": "x"}, "otro": 1, "vigencia": 2026}') as unknown;
    expect(parseSettings(tricky)).toEqual({ vigencia: 2026 });
    expect(({} as Record<string, unknown>).entity).toBeUndefined();
  });
});

describe('settingsProblem', () => {
  it('explains in Spanish what is wrong with a typed value', () => {
    expect(settingsProblem('lagThreshold', 0)).toBe('El umbral de rezago debe estar entre 1 % y 100 %.');
    expect(settingsProblem('cutoff', '2025-13-01')).toBe('La fecha de corte no es una fecha válida.');
    expect(settingsProblem('vigencia', 1999)).toBe('La vigencia debe ser un año entre 2000 y 2100.');
  });
  it('says nothing about a good value', () => {
    expect(settingsProblem('lagThreshold', 0.75)).toBeNull();
    expect(settingsProblem('cutoff', '2024-02-29')).toBeNull();
  });
});
