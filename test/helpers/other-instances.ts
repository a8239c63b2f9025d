/**
 * Other instances of the four real formats (real-formats.md "Read the format, not the file"),
 * written from the formats' descriptions — `../shared/real-layouts/README.md`, the spec and Cali's
 * own `Descripcion Cuadro` — never from the samples' rows: other municipalities, another quarter,
 * another vigencia, another year's report, with what legitimately varies between instances
 * (sheet names and order, title rows of other heights, header wording variants and line breaks,
 * empty optional columns, extra trailing columns, hidden sheets, text numbers with `.` decimals).
 *
 * Each builder plants known mistakes of the kinds the samples' README lists; what each instance
 * must read (kind, format, goals, hand-checked compliance, every planted mistake's rule and row)
 * is written by hand in `test/golden/other-instances/<file>.json`.
 */
import ExcelJS from 'exceljs';
import * as path from 'node:path';
import { suiteTempDir } from '../cli/io';

type Value = ExcelJS.CellValue;

const MONEY = '_-* #,##0_-;-* #,##0_-;_-* -??_-;_-@_-';
const PCT = '0.00%';

function titleRow(ws: ExcelJS.Worksheet, row: number, text: string, lastCol: number): void {
  ws.getCell(row, 1).value = text;
  ws.mergeCells(row, 1, row, lastCol);
  ws.getRow(row).font = { bold: true };
}

function writeRow(ws: ExcelJS.Worksheet, row: number, values: readonly Value[], formats: readonly (string | undefined)[] = []): void {
  values.forEach((v, i) => {
    if (v === undefined || v === null) return;
    const cell = ws.getCell(row, i + 1);
    cell.value = v;
    const f = formats[i];
    if (f) cell.numFmt = f;
  });
}

/* ----------------------------------------------------------------------------------------------
 * Cali Cuadro 1S — fourth quarter 2025 of another organismo (Secretaría de Salud Pública, 4162)
 * ------------------------------------------------------------------------------------------- */

export const CALI_T4 = 'cali-cuadro1s-salud-T4-2025.xlsx';
export const CALI_T4_SHEET = 'MEDE01.03.01.P01.F05 - 4162';

/** The data sheet's columns, as `Descripcion Cuadro` lists them, with this export's wording. */
const caliHeaders = [
  'Cód centro gestor', 'Nivel 1 PD Cód', 'Nivel 1 PD Nombre', 'Nivel 2 PD Cód', 'Nivel 2 PD Nombre', 'Nivel 3 PD Cód',
  'Nivel 3 PD Nombre', 'Cód. BPIN', 'Cód. BP', 'Nombre BP', 'Cód. Actividad', 'Nombre Actividad', 'Articulación Variables PI',
  'Ponderación de Actividad',
  '% de Avance Actividad\nTrimestre I', 'Explicación Actividad Trim I',
  '% de Avance Actividad\nTrimestre II', 'Explicación Actividad Trim II',
  '% de Avance Actividad\nTrimestre III', 'Explicación Actividad Trim III',
  '% de Avance Actividad\nTrimestre IV', 'Explicación Actividad Trim IV',
  'Meta PD', 'Denominación Meta PD', 'Programación PI Año 2', 'Nombre Producto MGA', 'Cód. Producto MGA',
  'Cantidad Programada Producto', 'Ponderación producto',
  // the product's explanation of each quarter under the name `Descripcion Cuadro` gives it, the same four times
  'Ejecución Física Trimestre I', 'Explicación Avance / Retroceso', '% de Avance Producto',
  'Ejecución Física Trimestre II', 'Explicación Avance / Retroceso ', '% de Avance Producto ',
  'Ejecución Física Trimestre III', 'Explicación Avance / Retroceso  ', '% de Avance Producto  ',
  'Ejecución Física Trimestre IV', 'Explicación Avance / Retroceso   ', '% de Avance Producto   ',
  '% Avance Proyecto', 'Comuna', 'Presupuesto Inicial', 'Presupuesto Modificado', 'Ejecución', 'Obligado', 'Pagos',
  'Fecha Inicio', 'Fecha Fin', 'Nombre Centro Gestor', 'Subdirección / Subsecretaria', 'Observaciones DAP',
] as const;
const C = Object.fromEntries(caliHeaders.map((h, i) => [h, i])) as Record<(typeof caliHeaders)[number], number>;

interface CaliProduct {
  readonly project: number;
  readonly meta: string;
  readonly name: string;
  readonly mga: string;
  readonly qty: number;
  /** Level reached at the end of each quarter (the product's `Ejecución Física Trimestre N`). */
  readonly levels: readonly (number | null)[];
  readonly activities: number;
}

const caliProjects = [
  { bp: 'BP26007101', bpin: '2024760010901', name: 'Fortalecimiento de la vigilancia en salud pública en el Distrito', program: 'Salud pública con enfoque territorial' },
  { bp: 'BP26007102', bpin: '2024760010902', name: 'Implementación de la estrategia de atención primaria en salud', program: 'Atención primaria para todos' },
  { bp: 'BP26007103', bpin: '2024760010903', name: 'Desarrollo de acciones de salud mental comunitaria', program: 'Salud mental y convivencia' },
  { bp: 'BP26007104', bpin: '2024760010904', name: 'Mejoramiento de la inspección sanitaria de establecimientos', program: 'Entornos saludables' },
];

/** Eight products over four projects, 30 activities. */
export const caliProducts: readonly CaliProduct[] = [
  { project: 0, meta: '61030010001', name: 'Informes de vigilancia epidemiológica publicados', mga: '1903016', qty: 4, levels: [1, 2, 3, 4], activities: 5 },
  { project: 0, meta: '61030010002', name: 'Eventos de interés en salud pública notificados', mga: '1903017', qty: 100, levels: [20, 45, 70, 90], activities: 4 },
  { project: 1, meta: '61030020001', name: 'Hogares caracterizados por equipos básicos', mga: '1906004', qty: 12000, levels: [2500, 5000, 7000, 8400], activities: 3 },
  { project: 1, meta: '61030020002', name: 'Equipos básicos de salud conformados', mga: '1906005', qty: 12, levels: [12, 12, 12, 12], activities: 4 },
  { project: 2, meta: '61030030001', name: 'Personas atendidas en salud mental comunitaria', mga: '1905021', qty: 2500, levels: [300, 900, 1600, 2400], activities: 4 },
  { project: 2, meta: '61030030002', name: 'Campañas de prevención del consumo de sustancias', mga: '1905022', qty: 6, levels: [1, 2, 4, 6], activities: 3 },
  { project: 3, meta: '61030040001', name: 'Documento de lineamientos de inspección sanitaria', mga: '1903050', qty: 1, levels: [0, 0, 0, 0], activities: 4 },
  { project: 3, meta: '61030040002', name: 'Establecimientos inspeccionados', mga: '1903051', qty: 3000, levels: [600, 1400, 2200, 2950], activities: 3 },
];

export const CALI_HEADER_ROW = 8;

/** Sheet row of the a-th activity (0-based) of the p-th product. */
export function caliRow(p: number, a: number): number {
  let row = CALI_HEADER_ROW + 1;
  for (let i = 0; i < p; i++) row += caliProducts[i].activities;
  return row + a;
}

async function buildCali(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const desc = wb.addWorksheet('Descripcion Cuadro');
  titleRow(desc, 1, 'Descripción del Cuadro 1S Seguimiento al Plan de Acción', 3);
  writeRow(desc, 2, ['ENCABEZADO COLUMNA', 'ENCABEZADO COLUMNA', 'DESCRIPCIÓN DE LA COLUMNA']);
  caliHeaders.forEach((h, i) => writeRow(desc, 3 + i, [colLetter(i + 1), h.replace(/\n/g, ' ').trimEnd(), `Descripción de «${h.replace(/\n/g, ' ').trimEnd()}» según el DAP`]));

  const ws = wb.addWorksheet(CALI_T4_SHEET);
  const last = caliHeaders.length;
  titleRow(ws, 1, 'DEPARTAMENTO ADMINISTRATIVO DE PLANEACIÓN DISTRITAL', last);
  titleRow(ws, 2, 'CUADRO 1S - SEGUIMIENTO AL PLAN DE ACCIÓN', last);
  titleRow(ws, 3, 'IV TRIMESTRE 2025', last);
  titleRow(ws, 4, 'Organismo: 4162 - Secretaría de Salud Pública', last);
  // (the keys above tell the repeated headers apart by trailing spaces; the sheet writes them alike)
  writeRow(ws, CALI_HEADER_ROW, caliHeaders.map((h) => h.trimEnd()));
  ws.getRow(CALI_HEADER_ROW).alignment = { wrapText: true };
  const firstData = CALI_HEADER_ROW + 1;
  const total = caliProducts.reduce((a, p) => a + p.activities, 0);
  const lastData = firstData + total - 1;

  const sums = new Map<number, number>();
  caliProducts.forEach((prod, p) => {
    const proj = caliProjects[prod.project];
    const projActs = caliProducts.filter((x) => x.project === prod.project).reduce((a, x) => a + x.activities, 0);
    for (let a = 0; a < prod.activities; a++) {
      const r = caliRow(p, a);
      const v: Value[] = new Array<Value>(last).fill(null);
      v[C['Cód centro gestor']] = 4162;
      v[C['Nivel 1 PD Cód']] = 61;
      v[C['Nivel 1 PD Nombre']] = 'Cali, Bienestar y Salud';
      v[C['Nivel 2 PD Cód']] = 6103;
      v[C['Nivel 2 PD Nombre']] = 'Salud para la vida';
      v[C['Nivel 3 PD Cód']] = 6103000 + prod.project + 1;
      v[C['Nivel 3 PD Nombre']] = proj.program;
      v[C['Cód. BPIN']] = Number(proj.bpin);
      v[C['Cód. BP']] = proj.bp;
      v[C['Nombre BP']] = proj.name;
      v[C['Cód. Actividad']] = `${proj.bp}${String(p + 1).padStart(2, '0')}${String(a + 1).padStart(2, '0')}`;
      v[C['Nombre Actividad']] = `Actividad ${a + 1} del producto «${prod.name}»`;
      v[C['Articulación Variables PI']] = `V${a + 1} = ${prod.name}`;
      v[C['Ponderación de Actividad']] = Math.round(10000 / projActs) / 10000;
      // activity progress by quarter: fractions under a percent format (the fourth quarter as text, `.` decimals)
      const steps = prod.levels.map((l) => (l === null ? null : Math.min(1, prod.qty > 0 ? l / prod.qty : 0)));
      v[C['% de Avance Actividad\nTrimestre I']] = steps[0];
      v[C['Explicación Actividad Trim I']] = `Avance del primer trimestre de la actividad ${a + 1}.`;
      v[C['% de Avance Actividad\nTrimestre II']] = steps[1];
      v[C['Explicación Actividad Trim II']] = `Avance del segundo trimestre de la actividad ${a + 1}.`;
      v[C['% de Avance Actividad\nTrimestre III']] = steps[2];
      v[C['Explicación Actividad Trim III']] = `Avance del tercer trimestre de la actividad ${a + 1}.`;
      v[C['% de Avance Actividad\nTrimestre IV']] = steps[3] === null ? null : `${(steps[3] * 100).toFixed(2)}%`;
      v[C['Explicación Actividad Trim IV']] = `Cierre de la vigencia de la actividad ${a + 1}.`;
      v[C['Meta PD']] = prod.meta;
      v[C['Denominación Meta PD']] = prod.name;
      v[C['Programación PI Año 2']] = prod.qty;
      v[C['Nombre Producto MGA']] = `Servicio ${prod.mga}`;
      v[C['Cód. Producto MGA']] = Number(prod.mga);
      v[C['Cantidad Programada Producto']] = String(prod.qty);
      v[C['Ponderación producto']] = 0.125;
      const levelCols = ['Ejecución Física Trimestre I', 'Ejecución Física Trimestre II', 'Ejecución Física Trimestre III', 'Ejecución Física Trimestre IV'] as const;
      const noteCols = ['Explicación Avance / Retroceso', 'Explicación Avance / Retroceso ', 'Explicación Avance / Retroceso  ', 'Explicación Avance / Retroceso   '] as const;
      prod.levels.forEach((l, q) => {
        v[C[levelCols[q]]] = l;
        v[C[noteCols[q]]] = l === 0 ? `Sin avance en el trimestre ${q + 1}: el proceso contractual sigue en curso.` : `El producto alcanzó ${l} en el trimestre ${q + 1}.`;
        v[C[levelCols[q]] + 2] = l === null ? null : prod.qty > 0 ? l / prod.qty : null;
      });
      v[C['% Avance Proyecto']] = 0.5;
      v[C['Comuna']] = 99;
      const budget = 100_000_000 + 25_000_000 * ((p + a) % 5);
      v[C['Presupuesto Inicial']] = budget;
      v[C['Presupuesto Modificado']] = budget;
      v[C['Ejecución']] = Math.round(budget * 0.9);
      v[C['Obligado']] = Math.round(budget * 0.8);
      v[C['Pagos']] = Math.round(budget * 0.7);
      v[C['Fecha Inicio']] = new Date(Date.UTC(2025, 1, 1));
      v[C['Fecha Fin']] = new Date(Date.UTC(2025, 11, 31));
      v[C['Nombre Centro Gestor']] = 'Secretaría de Salud Pública';
      v[C['Subdirección / Subsecretaria']] = 'Subsecretaría de Salud Pública y Promoción';
      for (const h of ['Presupuesto Inicial', 'Presupuesto Modificado', 'Ejecución', 'Obligado', 'Pagos'] as const) sums.set(C[h], (sums.get(C[h]) ?? 0) + (v[C[h]] as number));
      const formats: (string | undefined)[] = new Array<string | undefined>(last).fill(undefined);
      for (const h of ['Ponderación de Actividad', '% de Avance Actividad\nTrimestre I', '% de Avance Actividad\nTrimestre II', '% de Avance Actividad\nTrimestre III', 'Ponderación producto', '% Avance Proyecto'] as const) formats[C[h]] = PCT;
      for (const q of [0, 1, 2, 3]) formats[C[levelCols[q]] + 2] = PCT;
      for (const h of ['Presupuesto Inicial', 'Presupuesto Modificado', 'Ejecución', 'Obligado', 'Pagos'] as const) formats[C[h]] = MONEY;
      formats[C['Fecha Inicio']] = 'm/d/yyyy';
      formats[C['Fecha Fin']] = 'm/d/yyyy';
      formats[C['Cód. BPIN']] = '0';
      writeRow(ws, r, v, formats);
    }
  });

  // planted mistakes (row numbers in the golden file)
  const set = (row: number, header: (typeof caliHeaders)[number], value: Value) => {
    ws.getCell(row, C[header] + 1).value = value;
  };
  // date-order: the end before the start
  set(caliRow(0, 2), 'Fecha Inicio', new Date(Date.UTC(2025, 8, 1)));
  set(caliRow(0, 2), 'Fecha Fin', new Date(Date.UTC(2025, 2, 31)));
  // percent-range: an activity at 120 % in the fourth quarter (text, as the export writes it)
  set(caliRow(1, 1), '% de Avance Actividad\nTrimestre IV', '120.00%');
  // percent-range: an activity weighing 150 % of its project (text, as the export writes it)
  set(caliRow(5, 1), 'Ponderación de Actividad', '150.00%');
  // budget-chain: payments above obligations
  set(caliRow(2, 0), 'Pagos', 400_000_000);
  sums.set(C['Pagos'], (sums.get(C['Pagos']) ?? 0) + 400_000_000 - Math.round((100_000_000 + 25_000_000 * ((2 + 0) % 5)) * 0.7));
  // number-as-text: a level typed with a decimal comma
  set(caliRow(3, 1), 'Ejecución Física Trimestre IV', '11,5');
  // code-format: a BPIN of 11 digits
  set(caliRow(4, 2), 'Cód. BPIN', 20247600109);
  // analysis-required: the product at 0 with its fourth-quarter explanation deleted (every activity row)
  for (let a = 0; a < caliProducts[6].activities; a++) set(caliRow(6, a), 'Explicación Avance / Retroceso   ', null);
  // row 7: the format's =SUM totals of the money columns, with their cached values
  for (const [col, s] of sums) {
    const cell = ws.getCell(CALI_HEADER_ROW - 1, col + 1);
    cell.value = { formula: `+SUM(${colLetter(col + 1)}${firstData}:${colLetter(col + 1)}${lastData})`, result: s };
    cell.numFmt = MONEY;
  }

  const hidden = wb.addWorksheet('DAP Cuadro 4F', { state: 'hidden' });
  writeRow(hidden, 3, ['ORGANISMO:', 'SECRETARÍA DE SALUD PÚBLICA']);
  writeRow(hidden, 5, ['Dimensión', 'Código indicador', 'Meta\n(Descripción)', 'Indicador de bienestar\n(Descripción)', 'Unidad de medida', 'Línea base\n2019', 'Meta\n2023', 'Responsable']);
  for (let i = 0; i < 6; i++) writeRow(hidden, 6 + i, [`6${i}`, 61000 + i, '', `Indicador ${i}`, 'Porcentaje', 'cincuenta', 100, '']);
  await wb.xlsx.writeFile(file);
}

/* ----------------------------------------------------------------------------------------------
 * Cundinamarca PDM — another municipality (Guasca), vigencia 2026 filled, a title block above
 * ------------------------------------------------------------------------------------------- */

export const CUNDINAMARCA_2026 = 'cundinamarca-pdm-guasca-2026.xlsx';
export const CUNDINAMARCA_SHEET = 'SEGUIMIENTO PDM';
export const CUNDINAMARCA_HEADER_ROW = 5;

interface PdmGoal {
  readonly trend: 'I' | 'M' | 'D';
  readonly unit: string;
  readonly expected: readonly [number, number, number, number];
  /** 2026 quarters: planned and executed (null = blank). */
  readonly planned: readonly (number | null)[];
  readonly executed: readonly (number | null)[];
}

/** 24 goals; the 2026 quarters are shares of the year's expected value (or a level kept). */
export const pdmGoals: readonly PdmGoal[] = Array.from({ length: 24 }, (_, i): PdmGoal => {
  if (i % 6 === 5) return { trend: 'M', unit: 'Número', expected: [2, 2, 2, 2], planned: [0, 2, 2, 2], executed: [null, 2, null, null] };
  const shares: [number, number, number, number] = i % 2 === 0 ? [0.25, 0.25, 0.25, 0.25] : [0.1, 0.3, 0.3, 0.3];
  const exec = i % 4 === 3 ? [shares[0], shares[1] * 0.5, null, null] : [shares[0], shares[1], null, null];
  return { trend: 'I', unit: i % 3 === 0 ? 'Porcentaje' : 'Número', expected: [1, 1, 1, 1], planned: shares, executed: exec };
});

async function buildCundinamarca(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(CUNDINAMARCA_SHEET);
  const headers: string[] = [
    'EJE', 'PONDERADOR EJE', 'NOMBRE DE SECTOR', 'SECTOR MGA', 'PROGRAMA MGA', 'COD,.INT. PROGRAMA', 'PROGRAMA PDT',
    'META DE RESULTADO', 'INDICADOR DE RESULTADO', 'L.B', 'PRODUCTO MGA', 'BPIN', 'NOMBRE DEL PROYECTO', 'COD META PRODUCTO',
    'META DE PRODUCTO', 'L.B', 'UNIDAD DE MEDIDA', 'TENDENCIA  INDICADOR', 'INDICADOR', 'RESPONSABLE', 'VALOR ESPERADO CUATRIENIO',
    'VALOR ESPERADO\n2024', 'VALOR ESPERADO\n2025', 'VALOR ESPERADO\n2026', 'VALOR ESPERADO\n2027',
  ];
  const blockStart = new Map<number, number>();
  for (const year of [2024, 2025, 2026, 2027]) {
    blockStart.set(year, headers.length);
    headers.push(
      `T1. PLANEADO ${year}`, `T1. EJECUTADO ${year}`, `T2. PLANEADO ${year}`, `T2. EJECUTADO ${year}`,
      `T3. PLANEADO ${year}`, `T3. EJECUTADO ${year}`, `T4. PLANEADO ${year}`, `T.4 EJECUTADO ${year}`,
      `TOTAL PLANEADO ${year}`, `TOTAL EJECUTADO ${year}`, `% TOTAL AVANCE ${year}`, ` SOPORTES DE CUMPLIMIENTO ${year}`,
    );
  }
  const budgetStart = headers.length;
  headers.push('APROPIACION INICIAL 2026', 'APROPIACION DEFINITIVA 2026', 'COMPROMISOS 2026', 'PAGOS 2026', 'OBSERVACIONES SECRETARÍA DE PLANEACIÓN');
  const last = headers.length;
  // a title two rows tall, then a subtitle
  ws.getCell(1, 1).value = 'ALCALDÍA MUNICIPAL DE GUASCA — SECRETARÍA DE PLANEACIÓN';
  ws.mergeCells(1, 1, 2, last);
  titleRow(ws, 3, 'SEGUIMIENTO AL PLAN DE DESARROLLO MUNICIPAL 2024-2027 «GUASCA AVANZA»', last);
  writeRow(ws, CUNDINAMARCA_HEADER_ROW, headers);
  /** The column of header `h` (its `nth` occurrence: the template has two `L.B`). */
  const col = (h: string, nth = 0) => headers.reduce<number[]>((a, x, k) => (x === h ? [...a, k] : a), [])[nth] ?? -1;

  pdmGoals.forEach((g, i) => {
    const r = CUNDINAMARCA_HEADER_ROW + 1 + i;
    const v: Value[] = new Array<Value>(last).fill(null);
    const eje = i < 12 ? 'Eje 1. Guasca verde y productiva' : 'Eje 2. Guasca social e incluyente';
    v[0] = eje;
    v[1] = 0.5;
    v[2] = i < 12 ? 'Agricultura y desarrollo rural' : 'Educación';
    v[3] = i < 12 ? 17 : 22;
    v[4] = i < 12 ? 1702 : 2201;
    v[5] = Math.floor(i / 4) + 1;
    v[6] = i < 12 ? 'Programa de inclusión productiva rural' : 'Programa de calidad educativa';
    v[7] = 'Meta de resultado del programa';
    v[8] = 'Indicador de resultado del programa';
    v[9] = 'Sin información 2023';
    v[10] = (i < 12 ? 1702000 : 2201000) + i + 1;
    v[11] = 2024253220000 + Math.floor(i / 3) + 1;
    v[12] = `Proyecto ${Math.floor(i / 3) + 1} del plan`;
    v[13] = 100 + i;
    v[14] = `Meta de producto ${100 + i}: realizar las acciones del programa`;
    v[15] = i % 5;
    v[16] = g.unit;
    v[17] = g.trend;
    v[18] = `Indicador de la meta ${100 + i}`;
    v[19] = i < 12 ? 'Secretaría de Desarrollo Económico' : 'Secretaría de Educación';
    v[20] = { formula: `SUM(${colLetter(22)}${r}:${colLetter(25)}${r})`, result: g.expected.reduce((a, b) => a + b, 0) };
    g.expected.forEach((e, k) => { v[21 + k] = e; });
    // 2024 and 2025 blocks: full years executed as planned
    for (const year of [2024, 2025]) {
      const s = blockStart.get(year) ?? 0;
      const shares = g.trend === 'M' ? [0, 2, 2, 2] : [0.25, 0.25, 0.25, 0.25];
      shares.forEach((x, k) => { v[s + 2 * k] = x; v[s + 2 * k + 1] = x; });
      const t = shares.reduce((a, b) => a + b, 0);
      v[s + 8] = { formula: `(${colLetter(s + 1)}${r}+${colLetter(s + 3)}${r}+${colLetter(s + 5)}${r}+${colLetter(s + 7)}${r})`, result: t };
      v[s + 9] = { formula: `(${colLetter(s + 2)}${r}+${colLetter(s + 4)}${r}+${colLetter(s + 6)}${r}+${colLetter(s + 8)}${r})`, result: t };
      v[s + 10] = { formula: `IF(${colLetter(s + 9)}${r}=0, 0, ${colLetter(s + 10)}${r}/${colLetter(s + 9)}${r})`, result: 1 };
      v[s + 11] = `Soporte ${year} meta ${100 + i}.pdf`;
    }
    // 2026: the vigencia read, to the second quarter
    const s = blockStart.get(2026) ?? 0;
    g.planned.forEach((x, k) => { v[s + 2 * k] = x; v[s + 2 * k + 1] = g.executed[k]; });
    const tp = g.planned.reduce<number>((a, b) => a + (b ?? 0), 0);
    const te = g.executed.reduce<number>((a, b) => a + (b ?? 0), 0);
    v[s + 8] = { formula: `(${colLetter(s + 1)}${r}+${colLetter(s + 3)}${r}+${colLetter(s + 5)}${r}+${colLetter(s + 7)}${r})`, result: tp };
    v[s + 9] = { formula: `(${colLetter(s + 2)}${r}+${colLetter(s + 4)}${r}+${colLetter(s + 6)}${r}+${colLetter(s + 8)}${r})`, result: te };
    v[s + 10] = { formula: `IF(${colLetter(s + 9)}${r}=0, 0, ${colLetter(s + 10)}${r}/${colLetter(s + 9)}${r})`, result: tp === 0 ? 0 : te / tp };
    v[s + 11] = `Soporte 2026 meta ${100 + i}.pdf`;
    // 2027: the template's empty block
    const budget = 50_000_000 + 10_000_000 * (i % 7);
    v[budgetStart] = budget;
    v[budgetStart + 1] = budget;
    v[budgetStart + 2] = Math.round(budget * 0.6);
    v[budgetStart + 3] = Math.round(budget * 0.3);
    const formats: (string | undefined)[] = new Array<string | undefined>(last).fill(undefined);
    formats[1] = PCT;
    for (let k = 0; k < 4; k++) formats[budgetStart + k] = '$#,##0.00';
    formats[11] = '0';
    writeRow(ws, r, v, formats);
  });

  const at = (i: number) => CUNDINAMARCA_HEADER_ROW + 1 + i;
  const s26 = blockStart.get(2026) ?? 0;
  const set = (i: number, c: number, value: Value) => { ws.getCell(at(i), c + 1).value = value; };
  // over-execution: T2 2026 executed 0.8 against 0.25 planned
  set(2, s26 + 3, 0.8);
  set(2, s26 + 9, { formula: `(${colLetter(s26 + 2)}${at(2)}+${colLetter(s26 + 4)}${at(2)}+${colLetter(s26 + 6)}${at(2)}+${colLetter(s26 + 8)}${at(2)})`, result: 1.05 });
  set(2, s26 + 10, { formula: `IF(${colLetter(s26 + 9)}${at(2)}=0, 0, ${colLetter(s26 + 10)}${at(2)}/${colLetter(s26 + 9)}${at(2)})`, result: 1.05 });
  // number-as-text (and the template's own total showing #VALUE!)
  set(4, s26 + 1, '0,25');
  set(4, s26 + 9, { formula: `(${colLetter(s26 + 2)}${at(4)}+${colLetter(s26 + 4)}${at(4)}+${colLetter(s26 + 6)}${at(4)}+${colLetter(s26 + 8)}${at(4)})`, result: { error: '#VALUE!' } });
  set(4, s26 + 10, { formula: `IF(${colLetter(s26 + 9)}${at(4)}=0, 0, ${colLetter(s26 + 10)}${at(4)}/${colLetter(s26 + 9)}${at(4)})`, result: { error: '#VALUE!' } });
  // required: RESPONSABLE blank
  set(7, col('RESPONSABLE'), null);
  // code-format: a BPIN of 12 digits
  set(9, col('BPIN'), 202425322000);
  // duplicate: COD META PRODUCTO repeated (as the goal above, same secretaría)
  set(10, col('COD META PRODUCTO'), 100 + 9);
  // enum: a TENDENCIA the template does not have, on a level held all year (0, 2, 2, 2)
  set(11, col('TENDENCIA  INDICADOR'), 'X');
  // missing-report: nothing executed in 2026 though planned
  set(14, s26 + 1, null);
  set(14, s26 + 3, null);
  set(14, s26 + 9, { formula: `(${colLetter(s26 + 2)}${at(14)}+${colLetter(s26 + 4)}${at(14)}+${colLetter(s26 + 6)}${at(14)}+${colLetter(s26 + 8)}${at(14)})`, result: 0 });
  set(14, s26 + 10, { formula: `IF(${colLetter(s26 + 9)}${at(14)}=0, 0, ${colLetter(s26 + 10)}${at(14)}/${colLetter(s26 + 9)}${at(14)})`, result: 0 });
  // budget-chain: commitments 130 % of the apropiación definitiva
  set(17, budgetStart + 2, Math.round((50_000_000 + 10_000_000 * (17 % 7)) * 1.3));
  // number-as-text: PAGOS typed as money text
  set(20, budgetStart + 3, '$ 8.000.000');
  // the product's L.B described in words, as the format's authors write it (no mistake: said once)
  set(1, col('L.B', 1), '45 familias atendidas (2023)');
  set(12, col('L.B', 1), '3 sedes dotadas');
  // execution with nothing programmed up to the cut-off: T1 planned 0, T2 blank, 0.2 executed in T2
  set(21, s26, 0);
  set(21, s26 + 1, 0);
  set(21, s26 + 2, null);
  set(21, s26 + 3, 0.2);
  set(21, s26 + 4, 0.5);
  set(21, s26 + 6, 0.5);
  set(21, s26 + 8, { formula: `(${colLetter(s26 + 1)}${at(21)}+${colLetter(s26 + 3)}${at(21)}+${colLetter(s26 + 5)}${at(21)}+${colLetter(s26 + 7)}${at(21)})`, result: 1 });
  set(21, s26 + 9, { formula: `(${colLetter(s26 + 2)}${at(21)}+${colLetter(s26 + 4)}${at(21)}+${colLetter(s26 + 6)}${at(21)}+${colLetter(s26 + 8)}${at(21)})`, result: 0.2 });
  set(21, s26 + 10, { formula: `IF(${colLetter(s26 + 9)}${at(21)}=0, 0, ${colLetter(s26 + 10)}${at(21)}/${colLetter(s26 + 9)}${at(21)})`, result: 0.2 });

  // a hidden helper sheet of lists, exported from Google Sheets
  const lists = wb.addWorksheet('Listas', { state: 'hidden' });
  writeRow(lists, 1, ['TENDENCIA', 'RESPONSABLE']);
  ['I', 'M', 'D'].forEach((t, k) => writeRow(lists, 2 + k, [t, k === 0 ? 'Secretaría de Educación' : 'Secretaría de Desarrollo Económico']));
  await wb.xlsx.writeFile(file);
}

/* ----------------------------------------------------------------------------------------------
 * DNP seguimiento al PDT — the 2024 report of another municipality (Chía), sheets in another order
 * ------------------------------------------------------------------------------------------- */

export const DNP_2024 = 'dnp-seguimiento-pdt-chia-2024.xlsx';
export const DNP_PHYSICAL = 'Detalle seguimiento físico';
export const DNP_FINANCIAL = 'Detalle seguimiento financiero';
export const DNP_HEADER_ROW = 7;

interface DnpProduct {
  readonly ip: string;
  readonly product: string;
  readonly accumulative: 'Si' | 'No';
  readonly term: number;
  readonly years: readonly [number, number, number, number];
  /** 2024 physical execution (`' '` = no data). */
  readonly executed: number | ' ';
}

export const dnpProducts: readonly DnpProduct[] = Array.from({ length: 30 }, (_, i): DnpProduct => {
  const accumulative = i % 3 === 0 ? 'Si' : 'No';
  const years: [number, number, number, number] = accumulative === 'Si' ? [2, 3, 3, 2] : [1, 1, 1, 1];
  const term = accumulative === 'Si' ? 10 : 1;
  const executed = i % 5 === 4 ? years[0] * 0.5 : years[0];
  return { ip: `IP-${i + 1}`, product: `${2201000 + (i % 10) + 1}`, accumulative, term, years, executed };
});

async function buildDnp(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const resumen = wb.addWorksheet('Resumen');
  titleRow(resumen, 1, 'Informe de Seguimiento al Plan de Desarrollo Territorial - Chía, Cundinamarca', 10);
  resumen.getCell('X1').value = '2024 - cuarto trimestre';
  resumen.getCell('B5').value = 'Chía, Cundinamarca';
  resumen.getCell('H7').value = 'Informe generado con información de SisPT al:';
  resumen.getCell('I7').value = '15 de febrero de 2025';
  writeRow(resumen, 9, ['', 'Línea estratégica', 'Productos', 'Avance físico 2024']);
  writeRow(resumen, 10, ['', 'Chía educada', { formula: "COUNTA('Detalle seguimiento físico'!A8:A37)", result: 30 }, 0.8]);

  const phys = wb.addWorksheet(DNP_PHYSICAL);
  const ph = [
    'Consecutivos IP (SisPT)', 'Código Sector (MGA)', 'Sector (MGA)', 'Código Programa (MGA)', 'Programa (MGA)', 'Código Producto (MGA)',
    'Producto (MGA)', 'Código Indicador Producto (MGA)', 'Indicador Producto (MGA)', 'Códigos BPIN Asociados', 'Acumulativo', 'Unidad de Medida',
    'Meta del Cuatrenio (SisPT)', 'Programado 2024 (SisPT)', 'Programado 2025 (SisPT)', 'Programado 2026 (SisPT)', 'Programado 2027 (SisPT)',
    'Ejecución Física 2024 (PIIP)', 'Avance físico 2024 (%)', 'Explicación del valor 2024',
  ];
  phys.getCell('A1').value = 'Detalle Seguimiento Físico Preliminar';
  titleRow(phys, 2, 'Esta tabla contrasta la información de Plan Indicativo registrada en SisPT con la ejecución física reportada en PIIP.', 13);
  titleRow(phys, 3, 'Por ejemplo, la columna "Avance físico 2024 (%)" divide la ejecución física entre lo programado para el año.', 13);
  titleRow(phys, 4, 'Las columnas "Explicación" buscan dar contexto al valor de la columna anterior.', 13);
  phys.getCell(6, 14).value = 'Programación física SisPT';
  phys.mergeCells(6, 14, 6, 17);
  phys.getCell(6, 18).value = 'Ejecución PIIP 2024 - cuarto trimestre';
  phys.mergeCells(6, 18, 6, 20);
  writeRow(phys, DNP_HEADER_ROW, ph);
  dnpProducts.forEach((p, i) => {
    const r = DNP_HEADER_ROW + 1 + i;
    const sector = i < 15 ? ['22', 'Educación', '2201', 'Calidad y fomento de la educación'] : ['19', 'Salud y protección social', '1905', 'Salud pública y prestación de servicios'];
    const avance = p.executed === ' ' ? ' ' : p.executed / p.years[0];
    writeRow(phys, r, [
      p.ip, sector[0], sector[1], sector[2], sector[3], p.product, `Producto ${p.product}`, `${p.product}00`, `Indicador del producto ${p.product}`,
      `20242517500${String(10 + (i % 7))}`, p.accumulative, 'Número', p.term, ...p.years, p.executed, avance,
      p.executed === ' ' ? 'No se encontró ejecución en PIIP' : 'Ejecución reportada en PIIP',
    ]); // «Avance físico 2024 (%)» as fractions with no % number format (this export writes 0.5 for 50 %)
  });
  const pr = (i: number) => DNP_HEADER_ROW + 1 + i;
  // number-as-text (the report's own avance follows it: 0,8 of 2)
  phys.getCell(pr(6), 18).value = '0,8';
  phys.getCell(pr(6), 19).value = 0.4;
  // required: Programado 2024 blank
  phys.getCell(pr(10), 14).value = null;
  // missing-report: the year is closed and nothing was reported though programmed
  phys.getCell(pr(20), 18).value = ' ';
  phys.getCell(pr(20), 19).value = ' ';
  phys.getCell(pr(20), 20).value = 'No se encontró ejecución en PIIP';

  const fin = wb.addWorksheet(DNP_FINANCIAL);
  const fh = [
    'Consecutivos IP (SisPT)', 'Código Sector (MGA)', 'Sector (MGA)', 'Código Programa (MGA)', 'Programa (MGA)', 'Código Producto (MGA)',
    'Producto (MGA)', 'Descripción del Producto (MGA)', 'Códigos BPIN Asociados', 'Programación Cuatrienio SisPT',
    'Programado 2024 (SisPT)', 'Programado 2025 (SisPT)', 'Programado 2026 (SisPT)', 'Programado 2027 (SisPT)',
    'Compromisos 2024 (CUIPO)', 'Obligaciones 2024 (CUIPO)', 'Pagos 2024 (CUIPO)', 'Obligaciones como % de lo programado (2024)', 'Explicación del valor 2024',
  ];
  fin.getCell('A1').value = 'Detalle Seguimiento Financiero Preliminar';
  titleRow(fin, 2, 'Esta tabla contrasta la información de Plan Indicativo registrada en SisPT con la ejecución presupuestal reportada en CUIPO.', 12);
  fin.getCell(6, 11).value = 'Programación financiera SisPT';
  fin.mergeCells(6, 11, 6, 14);
  fin.getCell(6, 15).value = 'Ejecución CUIPO 2024';
  fin.mergeCells(6, 15, 6, 19);
  writeRow(fin, DNP_HEADER_ROW, fh);
  const products = [...new Set(dnpProducts.map((p) => p.product))];
  products.forEach((code, i) => {
    const r = DNP_HEADER_ROW + 1 + i;
    const ips = dnpProducts.filter((p) => p.product === code).map((p) => p.ip).join(', ');
    const prog = 400_000_000 + 50_000_000 * i;
    const comp = Math.round(prog * 0.9);
    const obl = Math.round(prog * 0.7);
    const pag = Math.round(prog * 0.6);
    writeRow(fin, r, [
      ips, '22', 'Educación', '2201', 'Calidad y fomento de la educación', code, `Producto ${code}`, `Descripción del producto ${code}`, '2024251750010',
      prog * 4, prog, prog, prog, prog, comp, obl, pag, obl / prog, 'Lo obligado está por debajo de lo programado en la vigencia',
    ], [...new Array<string | undefined>(9).fill(undefined), ...new Array<string>(8).fill('#,##0'), '0%']);
  });
  // budget-chain: payments above obligations on the financial sheet
  fin.getCell(DNP_HEADER_ROW + 1 + 3, 17).value = 500_000_000;
  await wb.xlsx.writeFile(file);
}

/* ----------------------------------------------------------------------------------------------
 * SisPT plan indicativo — another municipality (Sopó), the products sheet first, fewer sources
 * ------------------------------------------------------------------------------------------- */

export const SISPT_OTHER = 'sispt-plan-indicativo-sopo.xlsx';
export const SISPT_SHEET = 'Plan indicativo - Productos';
export const SISPT_HEADER_ROW = 2;

const sisptSources = ['Recursos propios', 'SGP educación', 'SGP salud', 'SGP libre inversión', 'SGP APSB', 'Crédito', 'Transferencias de capital - cofinanciación departamento', 'Otros'];

interface SisptProduct {
  readonly ip: string;
  readonly tipo: 'Acumulativo' | 'No acumulativo';
  readonly meta: number;
  readonly years: readonly [number, number, number, number];
}

/** 25 products; those of index ≡ 2 (mod 5) have nothing programmed in 2026. */
export const sisptProducts: readonly SisptProduct[] = Array.from({ length: 25 }, (_, i): SisptProduct => {
  if (i % 2 === 0) {
    const years: [number, number, number, number] = i % 5 === 2 ? [2, 3, 0, 3] : [1, 2, 2, 1];
    return { ip: `IP-${300 + i}`, tipo: 'Acumulativo', meta: years.reduce((a, b) => a + b, 0), years };
  }
  const years: [number, number, number, number] = i % 5 === 2 ? [100, 100, 0, 100] : [100, 100, 100, 100];
  return { ip: `IP-${300 + i}`, tipo: 'No acumulativo', meta: 100, years };
});

async function buildSispt(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SISPT_SHEET);
  const headers: string[] = [
    'Código DANE', 'Entidad territorial', 'Nombre del plan', 'Código de indicador de producto (SisPT)', 'Línea estratégica', 'Código del sector',
    'Sector (MGA)', 'Código del programa (MGA)', 'Programa (MGA)', 'Código del producto (MGA)', 'Producto (MGA)', 'Código de indicador de producto (MGA)',
    'Indicador de Producto (MGA)', 'Personalización de Indicador de Producto', 'Unidad de medida', 'Meta del cuatrienio', 'Principal',
    'Código de ODS', 'ODS', 'Tipo de acumulación',
    ...[2024, 2025, 2026, 2027].map((y) => `Programación del producto bien o servicio ${y}`),
  ];
  const yearStart = new Map<number, number>();
  for (const y of [2024, 2025, 2026, 2027]) {
    yearStart.set(y, headers.length);
    for (const s of sisptSources) headers.push(`${s} ${y}`);
    headers.push(`Total ${y}`);
  }
  headers.push('BPIN');
  const last = headers.length;
  ws.getCell(1, 1).value = 'PARTE ESTRATÉGICA';
  ws.mergeCells(1, 1, 1, 20);
  ws.getCell(1, 21).value = 'PLAN INDICATIVO';
  ws.mergeCells(1, 21, 1, last);
  writeRow(ws, SISPT_HEADER_ROW, headers);
  sisptProducts.forEach((p, i) => {
    const r = SISPT_HEADER_ROW + 1 + i;
    const v: Value[] = new Array<Value>(last).fill(null);
    const social = i >= 12;
    Object.assign(v, [
      '25758', 'Sopó', 'SOPÓ, TERRITORIO DE OPORTUNIDADES', p.ip, social ? 'LE-2-Sopó social' : 'LE-1-Sopó sostenible', social ? '22' : '32',
      social ? 'Educación' : 'Ambiente y desarrollo sostenible', social ? '2201' : '3202', social ? 'Calidad y fomento de la educación' : 'Conservación de la biodiversidad',
      social ? `220100${i}` : `320200${i}`, `Producto ${i + 1}`, social ? `220100${i}00` : `320200${i}00`, `Indicador ${i + 1}`,
      `${300 + i}. Meta de producto número ${i + 1} del plan`, p.tipo === 'Acumulativo' ? 'Número' : 'Porcentaje', p.meta, 'Sí', '4', 'Educación de calidad', p.tipo,
      ...p.years,
    ]);
    for (const y of [2024, 2025, 2026, 2027]) {
      const s = yearStart.get(y) ?? 0;
      const k = y - 2024;
      const programmed = p.years[k] > 0;
      const own = programmed ? 20_000_000 + 1_000_000 * i : 0;
      const sgp = programmed && i % 3 === 0 ? 15_000_000 : 0;
      v[s] = own;
      v[s + 1] = social ? sgp : 0;
      v[s + sisptSources.length - 1] = 0;
      v[s + sisptSources.length] = own + (social ? sgp : 0);
    }
    v[last - 1] = `20242575800${String(10 + (i % 9))}`;
    writeRow(ws, r, v);
  });
  const at = (i: number) => SISPT_HEADER_ROW + 1 + i;
  const col = (h: string) => headers.indexOf(h) + 1;
  // required: Tipo de acumulación blank
  ws.getCell(at(3), col('Tipo de acumulación')).value = null;
  // code-format: a BPIN of 12 digits
  ws.getCell(at(5), col('BPIN')).value = '202425758001';
  // number-as-text: the 2026 programming typed with a decimal comma
  ws.getCell(at(8), col('Programación del producto bien o servicio 2026')).value = '1,5';
  // code-format: the program code typed as a number over the export
  ws.getCell(at(11), col('Código del programa (MGA)')).value = 3202;
  // sources-sum: Recursos propios 2026 changed, Total 2026 no longer adds up
  ws.getCell(at(14), col('Recursos propios 2026')).value = 99_000_000;
  // term-coherence: Acumulativo, meta 6, years 1 + 2 + 2 + 2
  ws.getCell(at(16), col('Programación del producto bien o servicio 2027')).value = 2;
  // enum: a catalog unit with a stray space
  ws.getCell(at(19), col('Unidad de medida')).value = 'Número ';
  // duplicate: a product typed over with the code of the product above it (two products, one code)
  ws.getCell(at(23), col('Código de indicador de producto (SisPT)')).value = sisptProducts[22].ip;

  const lineas = wb.addWorksheet('Líneas estratégicas');
  titleRow(lineas, 1, 'LÍNEAS ESTRATÉGICAS', 5);
  writeRow(lineas, 2, ['Código DANE', 'Entidad territorial', 'Nombre del plan', 'Consecutivo', 'Línea estratégica']);
  writeRow(lineas, 3, ['25758', 'Sopó', 'SOPÓ, TERRITORIO DE OPORTUNIDADES', 'LE-1', 'Sopó sostenible']);
  writeRow(lineas, 4, ['25758', 'Sopó', 'SOPÓ, TERRITORIO DE OPORTUNIDADES', 'LE-2', 'Sopó social']);
  const resultado = wb.addWorksheet('Indicadores de resultado');
  titleRow(resultado, 1, 'INDICADORES DE RESULTADO', 8);
  writeRow(resultado, 2, ['Código DANE', 'Entidad territorial', 'Nombre del plan', 'Consecutivo', 'Línea estratégica', 'Indicador de resultado', 'Está en el Plan Nacional de Desarrollo', 'Meta del cuatrienio']);
  writeRow(resultado, 3, ['25758', 'Sopó', 'SOPÓ, TERRITORIO DE OPORTUNIDADES', 'IR-1', 'LE-2-Sopó social', 'Educación - Cobertura neta', 'No', 95]);
  const iniciativas = wb.addWorksheet('Iniciativas SGR');
  titleRow(iniciativas, 1, 'INICIATIVAS SGR', 10);
  writeRow(iniciativas, 2, ['Código DANE', 'Entidad territorial', 'Nombre del plan', 'Consecutivo', 'Línea estratégica', 'Tipo de iniciativa', 'Sector (MGA)', 'Iniciativa del SGR', 'Recursos SGR indicativos', 'BPIN']);
  const sgr = wb.addWorksheet('Plan indicativo SGR - Productos');
  titleRow(sgr, 1, 'PLAN INDICATIVO SGR', 6);
  writeRow(sgr, 2, ['Código DANE', 'Entidad territorial', 'Nombre del plan', 'Código de indicador de producto SGR (SisPT)', 'Iniciativa del SGR', 'Meta del cuatrienio']);
  await wb.xlsx.writeFile(file);
}

function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export const instanceFiles = [CALI_T4, CUNDINAMARCA_2026, DNP_2024, SISPT_OTHER] as const;

/** Writes the four instances into `dir` and returns their paths by file name. */
export async function buildOtherInstances(dir: string): Promise<Record<(typeof instanceFiles)[number], string>> {
  const out = Object.fromEntries(instanceFiles.map((f) => [f, path.join(dir, f)])) as Record<(typeof instanceFiles)[number], string>;
  await buildCali(out[CALI_T4]);
  await buildCundinamarca(out[CUNDINAMARCA_2026]);
  await buildDnp(out[DNP_2024]);
  await buildSispt(out[SISPT_OTHER]);
  return out;
}

/**
 * For a test file: the four instances built once in a temporary folder before its tests, removed
 * after them. `dir` and `files` are filled when the tests run.
 */
export function otherInstancesInTempDir(prefix: string): { readonly dir: string; readonly files: Record<(typeof instanceFiles)[number], string> } {
  const tmp = suiteTempDir(prefix);
  const at = { files: {} as Record<(typeof instanceFiles)[number], string>, get dir() { return tmp.dir; } };
  beforeAll(async () => {
    at.files = await buildOtherInstances(tmp.dir);
  }, 60_000);
  return at;
}

/**
 * A copy of `file` (in its folder, named `edit-<n>-<name>`) with the cell under `header` (in header
 * row `headerRow` of `sheet`) of row `row` set to `value`: a mistake planted in one test only.
 */
let edits = 0;
export async function withCell(file: string, sheet: string, headerRow: number, header: string, row: number, value: ExcelJS.CellValue): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no hay hoja ${sheet}`);
  let col = 0;
  ws.getRow(headerRow).eachCell((c, k) => {
    if (String(c.value).trim() === header) col = k;
  });
  if (!col) throw new Error(`no hay encabezado ${header}`);
  ws.getCell(row, col).value = value;
  const out = path.join(path.dirname(file), `edit-${++edits}-${path.basename(file)}`);
  await wb.xlsx.writeFile(out);
  return out;
}
