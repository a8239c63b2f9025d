/**
 * The header keys the format descriptions match (src/domain/formats/key.ts) and the scored
 * recognition of a header row (`formatOfRow`): the wordings other instances of the real formats use
 * fold into one key, and a row of another layout that shares a few generic headers is not taken
 * for a real format.
 */
import { formatOfRow } from '../../src/domain/formats';
import { key, keyOf } from '../../src/domain/formats/key';
import { QUARTER, YEAR } from '../../src/domain/formats/types';

describe('keyOf', () => {
  it.each([
    ['Consecutivos IP (SisPT)', 'Consecutivo IP'],
    ['Consecutivos IP', 'No. IP'],
    ['Ejecución Física 2025 (PIIP)', 'Ejec. Física 2025'],
    ['Ejecución Física 2025', 'Ejecutado físico 2025'],
    ['Programado 2025 (SisPT)', 'Prog. 2025'],
    ['Programado 2025', 'Programación 2025'],
    ['COD META PRODUCTO', 'No. META PRODUCTO'],
    ['COD META PRODUCTO', 'N° META PRODUCTO'],
    ['COD META PRODUCTO', 'Código de la meta de producto'],
    ['COD META PRODUCTO', 'Número meta producto'],
    ['VALOR ESPERADO 2025', 'Vr. esperado 2025'],
    ['Meta del Cuatrenio (SisPT)', 'Meta cuatrienio'],
    ['Códigos BPIN Asociados', 'Código BPIN asociado'],
    ['Compromisos 2025 (CUIPO)', 'Compromiso 2025'],
    ['Obligaciones 2025', 'Obligación 2025'],
    ['RESPONSABLE', 'Responsables'],
    ['Indicador Producto', 'Indicadores de producto'],
  ])('%s = %s', (a, b) => {
    expect(keyOf(b)).toBe(keyOf(a));
  });

  it.each([
    ['T1. PLANEADO 2025', 't1 planeado 2025'],
    ['T.1 PLANEADO 2025', 't1 planeado 2025'],
    ['T1 PLANEADO 2025', 't1 planeado 2025'],
    ['Trimestre II PLANEADO 2025', 't2 planeado 2025'],
    ['Trim. 2 planeado 2025', 't2 planeado 2025'],
    ['III trimestre ejecutado 2025', 't3 ejecucion 2025'],
    ['1er trimestre planeado 2025', 't1 planeado 2025'],
    ['Primer trimestre ejecutado 2025', 't1 ejecucion 2025'],
    ['2° trimestre ejecutado 2025', 't2 ejecucion 2025'],
    ['4to. trimestre planeado 2025', 't4 planeado 2025'],
    ['T-IV EJECUTADO 2025', 't4 ejecucion 2025'],
    ['EJECUTADO OCT-DIC 2025', 'ejecucion t4 2025'],
    ['Ejecutado enero a marzo 2025', 'ejecucion t1 2025'],
    ['% de Avance Actividad\nTrimestre III', '% avance actividad t3'],
    ['Explicación Actividad Trim IV', 'explicacion actividad t4'],
  ])('%s → %s', (header, expected) => {
    expect(keyOf(header)).toBe(expected);
  });

  it('keeps a qualifier in parentheses only when asked (SisPT tells its two indicator codes apart by it)', () => {
    expect(keyOf('Código de indicador de producto (MGA)')).toBe('codigo indicador producto');
    expect(keyOf('Código de indicador de producto (MGA)', true)).toBe('codigo indicador producto mga');
  });

  it('a pattern written in plain words folds them as the headers are folded', () => {
    const re = key`^ejecucion fisica ${YEAR}$`;
    expect(re.exec(keyOf('Ejec. Física 2025 (PIIP)'))?.groups?.year).toBe('2025');
    expect(key`^${QUARTER} planeado ${YEAR}$`.exec(keyOf('Trimestre III PLANEADO 2026'))?.groups).toEqual(expect.objectContaining({ q: '3', year: '2026' }));
    expect(key`^codigos bpin asociados$`.test(keyOf('Código BPIN asociado'))).toBe(true);
  });
});

describe('formatOfRow', () => {
  const dnp = [
    'Consecutivo IP (SisPT)', 'Código Sector (MGA)', 'Sector (MGA)', 'Código Programa (MGA)', 'Programa (MGA)', 'Código Producto (MGA)',
    'Producto (MGA)', 'Código Indicador Producto (MGA)', 'Indicador Producto (MGA)', 'Códigos BPIN Asociados', 'Acumulativo',
    'Unidad de Medida', 'Meta del Cuatrenio (SisPT)', 'Programado 2025 (SisPT)', 'Ejec. Física 2025 (PIIP)', 'Avance físico 2025 (%)',
  ];

  it('names the format whose columns a reworded row shows, and how many it showed', () => {
    const r = formatOfRow(dnp);
    expect(r?.format.id).toBe('dnp-seguimiento-pdt');
    expect(r?.joined).toBe(false);
    expect(r?.signatureShown).toBe(3);
  });

  it('still names it with one signature column reworded beyond recognition, when enough of its columns are there', () => {
    const r = formatOfRow(dnp.map((h) => (h.startsWith('Ejec.') ? 'Avance de la ejecución PIIP 2025' : h)));
    expect(r?.format.id).toBe('dnp-seguimiento-pdt');
    expect(r?.signatureShown).toBe(2);
  });

  it('tells the financial sheet (joined) from the physical one, which share most columns', () => {
    const financial = [
      'Consecutivos IP (SisPT)', 'Sector (MGA)', 'Código Programa (MGA)', 'Programa (MGA)', 'Código Producto (MGA)', 'Producto (MGA)',
      'Códigos BPIN Asociados', 'Programado 2025 (SisPT)', 'Compromisos 2025 (CUIPO)', 'Obligaciones 2025 (CUIPO)', 'Pagos 2025 (CUIPO)',
      'Explicación del valor 2025',
    ];
    expect(formatOfRow(financial)).toEqual(expect.objectContaining({ joined: true }));
    expect(formatOfRow(financial)?.format.id).toBe('dnp-seguimiento-pdt');
  });

  it('a plan de acción that shares generic headers with the real formats is none of them', () => {
    expect(
      formatOfRow([
        'Código meta', 'Meta de producto', 'Sector', 'Programa', 'Producto', 'Código BPIN', 'Unidad de medida', 'Responsable',
        'Programado 2025', 'Actividad', 'Fecha inicio', 'Fecha fin', 'Valor', 'Indicador', 'Línea base',
      ]),
    ).toBeUndefined();
    expect(
      formatOfRow([
        'Código meta', 'Meta', 'Dependencia responsable', 'Meta vigencia', 'Programado T1', 'Ejecutado T1', 'Programado T2', 'Ejecutado T2',
        'Programado T3', 'Ejecutado T3', 'Programado T4', 'Ejecutado T4', 'Apropiación definitiva', 'Compromisos', 'Pagos', 'Análisis',
      ]),
    ).toBeUndefined();
  });

  it('two signature columns alone, without enough of the format\'s other columns, are not enough', () => {
    expect(formatOfRow(['COD META PRODUCTO', 'VALOR ESPERADO 2025', 'Observaciones', 'Total'])).toBeUndefined();
  });
});
