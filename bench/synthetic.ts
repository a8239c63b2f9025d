/**
 * Synthetic goals for the benchmarks: one generator of realistic capture-sheet figures (the four
 * accumulation types, línea base, budget chain, ~1 % mistakes) shared by the capture sheets of
 * `captura` and the consolidated sheet of `escala`.
 */

import ExcelJS from 'exceljs';

/**
 * Opens a streaming workbook with one sheet: the title block units put above their header
 * (entity, subtitle, vigencia, fecha de corte, a blank row) and the header row. Rows added to
 * the returned sheet must be committed; call `wb.commit()` after `ws.commit()`.
 */
export function openSyntheticSheet(file: string, sheetName: string, subtitle: string, headers: readonly string[]) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(sheetName);
  for (const row of [['ALCALDÍA DE SAN JUAN DE PASTO'], [subtitle], ['Vigencia: 2025'], ['Fecha de corte: 30/06/2025'], [], [...headers]]) ws.addRow(row).commit();
  return { wb, ws };
}

/** Deterministic pseudo-random numbers (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const units = ['Secretaría de Salud', 'Secretaría de Educación', 'Secretaría de Infraestructura', 'Secretaría de Agricultura', 'Secretaría de Gobierno', 'Secretaría de Hacienda', 'Secretaría de Cultura', 'Secretaría de Tránsito'];
export const dimensions = ['Dimensión Social', 'Dimensión Económica', 'Dimensión Territorial', 'Dimensión Institucional'];
export const programs = ['1905', '2201', '2402', '1702', '4502', '3301', '4103', '4599'];
export const accumulations = ['Suma', 'Creciente', 'Constante', 'Decreciente'] as const;

/** Columns every synthetic sheet starts with, in this order (see `leadingCells`). */
export const leadingHeaders = [
  'Dimensión', 'Código programa', 'Programa', 'Código meta producto', 'Meta de producto', 'Indicador', 'Unidad de medida',
  'Dependencia', 'Tipo de acumulación', 'Línea base', 'Meta vigencia',
  'Programado T1', 'Programado T2', 'Programado T3', 'Programado T4',
  'Ejecutado T1', 'Ejecutado T2', 'Ejecutado T3', 'Ejecutado T4', 'Ejecutado acumulado',
];

export interface SyntheticGoal {
  readonly unit: number;
  /** The cells of `leadingHeaders`. */
  readonly leadingCells: (string | number | null)[];
  readonly final: number;
  /** Compromisos, typed as Colombian text in ~1 % of the goals (`number-as-text`). */
  readonly commitments: number | string;
  readonly obligations: number;
  readonly payments: number;
  /** Análisis del avance (blank in ~30 %). */
  readonly analysis: string | null;
}

/**
 * Goal `i` (0-based) of a synthetic sheet: reported through T2, coherent programming for its
 * accumulation type, and ~1 % of declared acumulados off by 5 (`cumulative-mismatch`).
 */
export function syntheticGoal(i: number, rand: () => number, accumulation: (typeof accumulations)[number], codeDigits = 5): SyntheticGoal {
  const u = i % units.length;
  const acc = accumulation;
  const m = 10 + Math.floor(rand() * 990);
  let planned: number[];
  let baseline: number | null = null;
  if (acc === 'Suma') {
    const q = Math.floor(m / 4);
    planned = [q, q, q, m - 3 * q];
  } else if (acc === 'Constante') planned = [m, m, m, m];
  else if (acc === 'Creciente') {
    baseline = Math.floor(m / 2);
    planned = [Math.round(m * 0.6), Math.round(m * 0.75), Math.round(m * 0.9), m];
  } else {
    baseline = m * 2;
    planned = [Math.round(m * 1.7), Math.round(m * 1.4), Math.round(m * 1.2), m];
  }
  const drawn = 0.5 + rand() * 0.7;
  const factor = acc === 'Decreciente' ? 1.05 : drawn;
  const e1 = Math.round(planned[0] * factor);
  const e2 = Math.round(planned[1] * factor);
  const total = acc === 'Suma' ? e1 + e2 : e2;
  const final = 50_000_000 + Math.floor(rand() * 900) * 1_000_000;
  const commitments = Math.floor(final * (0.3 + rand() * 0.6));
  const obligations = Math.floor(commitments * (0.3 + rand() * 0.6));
  const payments = Math.floor(obligations * (0.5 + rand() * 0.5));
  const mistake = rand();
  return {
    unit: u,
    leadingCells: [
      dimensions[u % dimensions.length],
      programs[u],
      `Programa ${programs[u]}`,
      `${programs[u]}${String(i).padStart(codeDigits, '0')}`,
      `Meta de producto número ${i + 1} de la ${units[u]}`,
      `Indicador ${i + 1}`,
      'Número',
      units[u],
      acc,
      baseline,
      m,
      ...planned,
      e1,
      e2,
      null,
      null,
      mistake < 0.01 ? total + 5 : total,
    ],
    final,
    commitments: mistake > 0.99 ? commitments.toLocaleString('es-CO') : commitments,
    obligations,
    payments,
    analysis: mistake > 0.3 ? 'Avance según lo programado; se adjuntan soportes del trimestre.' : null,
  };
}
