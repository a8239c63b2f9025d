/**
 * Builds the example workbooks shipped in `examples/` and the clean test fixture:
 *
 *   npx tsx scripts/make-examples.ts
 *
 * - examples/plan-accion-2025.xlsx — the action plan (PE-F-012) of a fictitious but realistic
 *   vigencia 2025 of the Alcaldía de San Juan de Pasto, with its budget ceilings (Techos) and an
 *   "Instrucciones" sheet. Deliberate mistakes: an activity whose dates are swapped (date-order),
 *   an amount typed as text (number-as-text) and a program over its ceiling (ceiling-exceeded).
 * - examples/hoja-captura-T2-2025.xlsx — the corrected plan plus the capture sheet "HC T2" cut at
 *   30/06/2025: all four accumulation types, línea base, an eliminated goal, a goal over 100 %,
 *   lagging goals, and a few mistakes: obligations over commitments (budget-chain), commitments
 *   typed as text (number-as-text), a declared acumulado that does not add up
 *   (cumulative-mismatch), a lagging goal without analysis (analysis-required).
 * - test/fixtures/hoja-captura-limpia.xlsx — the same capture workbook with the mistakes fixed:
 *   no errors; only the methodology's warnings for the reviewer (goals above what was due at the
 *   cut-off, money committed ahead of the work) remain.
 *
 * The files are deterministic in content (fixed document dates); `test/cli/examples.test.ts`
 * rebuilds them in memory and compares their grids with the committed files.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

type Acc = 'Suma' | 'Creciente' | 'Constante' | 'Decreciente';

interface Activity {
  text: string;
  start: string; // dd/mm/yyyy
  end: string;
  source: string;
  amount: number;
  contract: 'Sí' | 'No';
}

interface Goal {
  code: string;
  goal: string;
  indicator: string;
  measure: string;
  type: 'Producto' | 'Gestión';
  acc: Acc;
  baseline?: number;
  term: number;
  year: number;
  planned: [number, number, number, number];
  /** Executed T1, T2 (the cut-off is 30/06/2025); `null` = not reported. */
  executed: [number | null, number | null];
  responsible: string;
  project: string;
  bpin: string;
  activities: Activity[];
  budget: { commitments: number; obligations: number; payments: number };
  analysis?: string;
  evidence?: string;
  eliminated?: boolean;
}

interface Program {
  dimension: string;
  sector: string;
  code: string;
  name: string;
  unit: string;
  ceiling: number;
  goals: Goal[];
}

export const ENTITY = 'ALCALDÍA DE SAN JUAN DE PASTO';
const PLAN_NAME = 'Plan de Desarrollo Municipal «Pasto Competitivo, Sostenible y Seguro» 2024-2027';
const FIXED_DATE = new Date(Date.UTC(2025, 6, 10, 15, 0, 0));

function programs(): Program[] {
  return [
    {
      dimension: 'Dimensión Social',
      sector: 'Salud y protección social',
      code: '1905',
      name: 'Salud pública',
      unit: 'Secretaría de Salud',
      ceiling: 1_250_000_000,
      goals: [
        {
          code: '1905021',
          goal: 'Vacunar 6.000 niños y niñas menores de 5 años con esquema completo',
          indicator: 'Niños y niñas menores de 5 años vacunados',
          measure: 'Número',
          type: 'Producto',
          acc: 'Suma',
          term: 24000,
          year: 6000,
          planned: [1500, 1500, 1500, 1500],
          executed: [1620, 1480],
          responsible: 'Javier Andrés Benavides Ortiz',
          project: 'Fortalecimiento de la salud pública en el municipio de Pasto',
          bpin: '2024520010035',
          activities: [
            { text: 'Realizar jornadas de vacunación casa a casa en comunas y corregimientos', start: '03/02/2025', end: '15/12/2025', source: 'SGP Salud', amount: 320_000_000, contract: 'Sí' },
            { text: 'Adquirir insumos y equipos de red de frío para el PAI', start: '01/03/2025', end: '30/06/2025', source: 'Recursos propios', amount: 85_000_000, contract: 'Sí' },
          ],
          budget: { commitments: 290_000_000, obligations: 160_000_000, payments: 140_000_000 },
          analysis: 'Se superó la meta del trimestre con las jornadas de vacunación en los corregimientos de Catambuco y Genoy.',
          evidence: 'Reporte PAIWEB, actas de jornadas',
        },
        {
          code: '1905031',
          goal: 'Mantener en funcionamiento 12 puntos de atención en salud mental',
          indicator: 'Puntos de atención en salud mental en funcionamiento',
          measure: 'Número',
          type: 'Producto',
          acc: 'Constante',
          baseline: 10,
          term: 12,
          year: 12,
          planned: [12, 12, 12, 12],
          executed: [12, 10],
          responsible: 'Javier Andrés Benavides Ortiz',
          project: 'Fortalecimiento de la salud pública en el municipio de Pasto',
          bpin: '2024520010035',
          activities: [
            { text: 'Contratar los equipos psicosociales de los puntos de atención', start: '15/01/2025', end: '31/12/2025', source: 'SGP Salud', amount: 410_000_000, contract: 'Sí' },
            { text: 'Realizar campañas de prevención del consumo de sustancias psicoactivas', start: '01/04/2025', end: '30/11/2025', source: 'Recursos propios', amount: 60_000_000, contract: 'Sí' },
          ],
          budget: { commitments: 405_000_000, obligations: 190_000_000, payments: 170_000_000 },
          analysis: 'Dos puntos cerraron en mayo por terminación de contratos; se reabren en julio.',
          evidence: 'Informe de supervisión de contratos',
        },
        {
          code: '1905044',
          goal: 'Reducir la tasa de mortalidad infantil a 9,5 por cada 1.000 nacidos vivos',
          indicator: 'Tasa de mortalidad infantil',
          measure: 'Tasa por 1.000 nacidos vivos',
          type: 'Producto',
          acc: 'Decreciente',
          baseline: 11.2,
          term: 9,
          year: 9.5,
          planned: [11, 10.6, 10.1, 9.5],
          executed: [11.1, 10.9],
          responsible: 'Diana Carolina Erazo Muñoz',
          project: 'Atención integral en salud a la primera infancia',
          bpin: '2024520010041',
          activities: [
            { text: 'Hacer seguimiento nominal a gestantes y recién nacidos de alto riesgo', start: '03/02/2025', end: '31/12/2025', source: 'SGP Salud', amount: 180_000_000, contract: 'Sí' },
            { text: 'Capacitar a las IPS en la estrategia AIEPI', start: '01/03/2025', end: '31/10/2025', source: 'Cofinanciación', amount: 45_000_000, contract: 'No' },
          ],
          budget: { commitments: 150_000_000, obligations: 70_000_000, payments: 60_000_000 },
          analysis: 'La tasa bajó menos de lo previsto por el pico respiratorio de abril; se refuerza la búsqueda activa.',
          evidence: 'Boletín epidemiológico SIVIGILA semana 26',
        },
      ],
    },
    {
      dimension: 'Dimensión Social',
      sector: 'Educación',
      code: '2201',
      name: 'Calidad, cobertura y fortalecimiento de la educación inicial, prescolar, básica y media',
      unit: 'Secretaría de Educación',
      ceiling: 4_800_000_000,
      goals: [
        {
          code: '2201015',
          goal: 'Dotar 40 sedes educativas rurales con material pedagógico',
          indicator: 'Sedes educativas rurales dotadas',
          measure: 'Número',
          type: 'Producto',
          acc: 'Suma',
          term: 120,
          year: 40,
          planned: [0, 10, 15, 15],
          executed: [0, 4],
          responsible: 'Luisa Fernanda Rosero Caicedo',
          project: 'Mejoramiento de la calidad educativa en las sedes rurales de Pasto',
          bpin: '2024520010052',
          activities: [
            { text: 'Adquirir material pedagógico y tecnológico para las sedes rurales', start: '01/04/2025', end: '31/10/2025', source: 'SGP Educación', amount: 540_000_000, contract: 'Sí' },
            { text: 'Entregar la dotación y capacitar a los docentes en su uso', start: '02/05/2025', end: '15/12/2025', source: 'SGP Educación', amount: 60_000_000, contract: 'No' },
          ],
          budget: { commitments: 520_000_000, obligations: 80_000_000, payments: 80_000_000 },
          // Mistake: lagging and no analysis (analysis-required).
          analysis: 'El proveedor entregó con retraso; las 11 sedes pendientes se dotan en julio.',
          evidence: 'Actas de entrega de dotación',
        },
        {
          code: '2201022',
          goal: 'Aumentar a 1.200 los estudiantes beneficiados con jornada única',
          indicator: 'Estudiantes en jornada única',
          measure: 'Número',
          type: 'Producto',
          acc: 'Creciente',
          baseline: 800,
          term: 2000,
          year: 1200,
          planned: [850, 950, 1100, 1200],
          executed: [860, 980],
          responsible: 'Luisa Fernanda Rosero Caicedo',
          project: 'Mejoramiento de la calidad educativa en las sedes rurales de Pasto',
          bpin: '2024520010052',
          activities: [
            { text: 'Adecuar comedores y aulas para la jornada única', start: '03/02/2025', end: '30/09/2025', source: 'SGP Educación', amount: 350_000_000, contract: 'Sí' },
          ],
          budget: { commitments: 300_000_000, obligations: 150_000_000, payments: 120_000_000 },
          analysis: 'Ingresaron a jornada única las IEM de Obonuco y Cabrera.',
          evidence: 'Reporte SIMAT a 30 de junio',
        },
        {
          code: '2201030',
          goal: 'Beneficiar a 15.000 estudiantes con el Programa de Alimentación Escolar (PAE)',
          indicator: 'Estudiantes beneficiados con el PAE',
          measure: 'Número',
          type: 'Producto',
          acc: 'Constante',
          baseline: 14500,
          term: 15000,
          year: 15000,
          planned: [15000, 15000, 15000, 15000],
          executed: [14800, 15000],
          responsible: 'Jorge Enrique Bastidas Mora',
          project: 'Alimentación escolar para la permanencia educativa en Pasto',
          bpin: '2024520010069',
          activities: [
            { text: 'Suministrar el complemento alimentario de la jornada de la mañana', start: '03/02/2025', end: '28/11/2025', source: 'SGP Alimentación escolar', amount: 2_400_000_000, contract: 'Sí' },
            { text: 'Suministrar almuerzo a los estudiantes de jornada única', start: '03/02/2025', end: '28/11/2025', source: 'Cofinanciación', amount: 1_100_000_000, contract: 'Sí' },
            { text: 'Contratar la interventoría del PAE', start: '15/01/2025', end: '15/12/2025', source: 'Recursos propios', amount: 150_000_000, contract: 'Sí' },
          ],
          budget: { commitments: 3_500_000_000, obligations: 1_700_000_000, payments: 1_550_000_000 },
          analysis: 'Cobertura completa desde abril.',
          evidence: 'Informe de interventoría PAE',
        },
      ],
    },
    {
      dimension: 'Dimensión Territorial',
      sector: 'Transporte',
      code: '2402',
      name: 'Infraestructura red vial regional',
      unit: 'Secretaría de Infraestructura',
      ceiling: 2_000_000_000,
      goals: [
        {
          code: '2402041',
          goal: 'Mejorar 25 km de vías terciarias con placa huella',
          indicator: 'Vía terciaria mejorada',
          measure: 'Kilómetros',
          type: 'Producto',
          acc: 'Suma',
          term: 100,
          year: 25,
          planned: [0, 5, 10, 10],
          executed: [0, 0],
          responsible: 'Carlos Eduardo Insuasty Pantoja',
          project: 'Mejoramiento de vías terciarias en la zona rural de Pasto',
          bpin: '2024520010076',
          activities: [
            { text: 'Adelantar la licitación de obra e interventoría', start: '03/02/2025', end: '30/05/2025', source: 'Recursos propios', amount: 40_000_000, contract: 'No' },
            { text: 'Ejecutar las obras de placa huella', start: '16/06/2025', end: '15/12/2025', source: 'SGR', amount: 1_300_000_000, contract: 'Sí' },
          ],
          budget: { commitments: 1_280_000_000, obligations: 0, payments: 0 },
          analysis: 'La licitación se declaró desierta en abril; el contrato se firmó el 20 de junio.',
        },
        {
          code: '2402052',
          goal: 'Construir 3 puentes vehiculares en la zona rural',
          indicator: 'Puentes vehiculares construidos',
          measure: 'Número',
          type: 'Producto',
          acc: 'Suma',
          term: 8,
          year: 3,
          planned: [0, 0, 1, 2],
          executed: [null, null],
          responsible: 'Carlos Eduardo Insuasty Pantoja',
          project: 'Mejoramiento de vías terciarias en la zona rural de Pasto',
          bpin: '2024520010076',
          activities: [
            { text: 'Elaborar los estudios y diseños de los puentes', start: '03/03/2025', end: '31/07/2025', source: 'Recursos propios', amount: 120_000_000, contract: 'Sí' },
            { text: 'Construir los puentes vehiculares', start: '01/08/2025', end: '15/12/2025', source: 'Crédito', amount: 650_000_000, contract: 'Sí' },
          ],
          budget: { commitments: 120_000_000, obligations: 40_000_000, payments: 40_000_000 },
        },
        {
          code: '2402060',
          goal: 'Realizar mantenimiento rutinario a 80 km de vías urbanas',
          indicator: 'Vía urbana con mantenimiento',
          measure: 'Kilómetros',
          type: 'Producto',
          acc: 'Suma',
          term: 320,
          year: 80,
          planned: [20, 20, 20, 20],
          executed: [25, 30],
          responsible: 'Óscar Mauricio Delgado Rosas',
          project: 'Mantenimiento de la malla vial urbana de Pasto',
          bpin: '2024520010083',
          activities: [
            { text: 'Realizar bacheo y parcheo de la malla vial urbana', start: '15/01/2025', end: '15/12/2025', source: 'Recursos propios', amount: 150_000_000, contract: 'Sí' },
          ],
          // Mistake in the capture sheet: obligations over commitments (budget-chain).
          budget: { commitments: 95_000_000, obligations: 60_000_000, payments: 45_000_000 },
          analysis: 'Se adelantó el mantenimiento de la avenida Panamericana.',
          evidence: 'Bitácora de obra y registro fotográfico',
        },
      ],
    },
    {
      dimension: 'Dimensión Económica',
      sector: 'Agricultura y desarrollo rural',
      code: '1702',
      name: 'Inclusión productiva de pequeños productores rurales',
      unit: 'Secretaría de Agricultura',
      ceiling: 400_000_000,
      goals: [
        {
          code: '1702017',
          goal: 'Brindar asistencia técnica agropecuaria a 300 pequeños productores',
          indicator: 'Productores con asistencia técnica',
          measure: 'Número',
          type: 'Producto',
          acc: 'Suma',
          term: 1200,
          year: 300,
          planned: [50, 100, 100, 50],
          executed: [40, 90],
          responsible: 'María Camila Guerrero Chamorro',
          project: 'Fortalecimiento de la producción agropecuaria campesina de Pasto',
          bpin: '2024520010090',
          activities: [
            { text: 'Contratar profesionales y técnicos de extensión agropecuaria', start: '15/01/2025', end: '15/12/2025', source: 'Recursos propios', amount: 210_000_000, contract: 'Sí' },
            { text: 'Realizar escuelas de campo en los corregimientos', start: '03/03/2025', end: '28/11/2025', source: 'SGP Propósito general', amount: 48_000_000, contract: 'No' },
          ],
          budget: { commitments: 200_000_000, obligations: 95_000_000, payments: 90_000_000 },
          analysis: 'Se atendieron productores de papa y leche en Santa Bárbara y El Encano.',
          evidence: 'Registros de asistencia técnica (RUAT)',
        },
        {
          code: '1702023',
          goal: 'Realizar 4 mercados campesinos',
          indicator: 'Mercados campesinos realizados',
          measure: 'Número',
          type: 'Producto',
          acc: 'Suma',
          term: 16,
          year: 4,
          planned: [1, 1, 1, 1],
          executed: [2, 3],
          responsible: 'María Camila Guerrero Chamorro',
          project: 'Fortalecimiento de la producción agropecuaria campesina de Pasto',
          bpin: '2024520010090',
          activities: [
            { text: 'Organizar mercados campesinos en la plaza del Carnaval', start: '03/02/2025', end: '15/12/2025', source: 'Recursos propios', amount: 36_000_000, contract: 'No' },
          ],
          budget: { commitments: 30_000_000, obligations: 22_000_000, payments: 22_000_000 },
          analysis: 'Por la demanda se hicieron mercados adicionales con apoyo de la Gobernación; se propone ajustar la meta.',
          evidence: 'Listados de productores participantes',
        },
        {
          code: '1702031',
          goal: 'Entregar 150 kits de insumos agrícolas a familias campesinas',
          indicator: 'Kits de insumos entregados',
          measure: 'Número',
          type: 'Producto',
          acc: 'Suma',
          term: 600,
          year: 150,
          planned: [0, 50, 50, 50],
          executed: [null, null],
          responsible: 'María Camila Guerrero Chamorro',
          project: 'Fortalecimiento de la producción agropecuaria campesina de Pasto',
          bpin: '2024520010090',
          activities: [
            { text: 'Adquirir y entregar los kits de insumos agrícolas', start: '01/04/2025', end: '28/11/2025', source: 'SGP Propósito general', amount: 95_000_000, contract: 'Sí' },
          ],
          budget: { commitments: 0, obligations: 0, payments: 0 },
          analysis: 'Meta eliminada por acta del Consejo de Gobierno del 5 de mayo (los kits los entrega el Ministerio).',
          eliminated: true,
        },
      ],
    },
    {
      dimension: 'Dimensión Institucional',
      sector: 'Gobierno territorial',
      code: '4502',
      name: 'Fortalecimiento institucional',
      unit: 'Secretaría de Gobierno',
      ceiling: 380_000_000,
      goals: [
        {
          code: '4502011',
          goal: 'Capacitar a 500 servidores públicos en gestión pública y MIPG',
          indicator: 'Servidores públicos capacitados',
          measure: 'Número',
          type: 'Gestión',
          acc: 'Suma',
          term: 1500,
          year: 500,
          planned: [100, 150, 150, 100],
          executed: [110, 160],
          responsible: 'Andrés Felipe Burbano Cerón',
          project: 'Fortalecimiento de la capacidad institucional de la Alcaldía de Pasto',
          bpin: '2024520010107',
          activities: [
            { text: 'Desarrollar el plan institucional de capacitación', start: '03/02/2025', end: '28/11/2025', source: 'Recursos propios', amount: 95_000_000, contract: 'Sí' },
          ],
          budget: { commitments: 45_600_000, obligations: 30_000_000, payments: 30_000_000 },
          analysis: 'Se dictaron los cursos de MIPG y contratación estatal con la ESAP.',
          evidence: 'Listas de asistencia y certificados',
        },
        {
          code: '4502020',
          goal: 'Implementar el sistema de gestión documental al 100 %',
          indicator: 'Porcentaje de implementación del sistema de gestión documental',
          measure: 'Porcentaje',
          type: 'Gestión',
          acc: 'Creciente',
          term: 100,
          year: 100,
          planned: [20, 40, 70, 100],
          executed: [20, 35],
          responsible: 'Paola Andrea Ortiz Villota',
          project: 'Fortalecimiento de la capacidad institucional de la Alcaldía de Pasto',
          bpin: '2024520010107',
          activities: [
            { text: 'Digitalizar el archivo de gestión de las secretarías', start: '03/03/2025', end: '15/12/2025', source: 'Recursos propios', amount: 180_000_000, contract: 'Sí' },
            { text: 'Implementar el software de gestión documental', start: '01/04/2025', end: '30/09/2025', source: 'Recursos propios', amount: 75_000_000, contract: 'Sí' },
          ],
          budget: { commitments: 200_000_000, obligations: 60_000_000, payments: 55_000_000 },
          analysis: 'Digitalizadas las series documentales de Hacienda y Gobierno.',
          evidence: 'Informe del archivo central',
        },
      ],
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Progress as progress.md defines it (an independent computation, used for the declared columns).

function executedToDate(g: Goal): number {
  const reported = g.executed.filter((e): e is number => e !== null);
  if (g.acc === 'Suma') return reported.reduce((a, b) => a + b, 0);
  return reported.length ? reported[reported.length - 1] : 0;
}

function progressOfYear(g: Goal): number {
  const e = executedToDate(g);
  const lb = g.baseline;
  switch (g.acc) {
    case 'Creciente':
      return lb !== undefined ? (e - lb) / (g.year - lb) : e / g.year;
    case 'Decreciente':
      return lb !== undefined ? (lb - e) / (lb - g.year) : g.year / e;
    default:
      return e / g.year;
  }
}

// ---------------------------------------------------------------------------------------------
// Rendering helpers

function dmy(s: string): Date {
  const [d, m, y] = s.split('/').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF7F7F7F' } };
const box: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const MONEY = '"$" #,##0';
const DATE = 'dd/mm/yyyy';
const PCT = '0.0%';

function magnitudeFormat(values: readonly (number | null | undefined)[]): string {
  return values.some((v) => typeof v === 'number' && !Number.isInteger(v)) ? '#,##0.0' : '#,##0';
}

interface HeaderSpec {
  /** Single header (merged over both header rows) or a group over sub-headers. */
  text: string;
  sub?: string[];
  width: number;
}

function titleBlock(ws: ExcelJS.Worksheet, lines: string[], lastCol: number): void {
  lines.forEach((text, i) => {
    const row = i + 1;
    ws.getCell(row, 1).value = text;
    ws.getCell(row, 1).font = i === 0 ? { bold: true, size: 14, color: { argb: 'FF1F3864' } } : { bold: i === 1, size: i === 1 ? 12 : 11 };
    if (i < 2) ws.mergeCells(row, 1, row, Math.min(lastCol, 12));
  });
}

/** Writes a one- or two-row header starting at `row`; returns the column count. */
function header(ws: ExcelJS.Worksheet, row: number, specs: HeaderSpec[], twoRows: boolean): number {
  let col = 1;
  const style = (c: ExcelJS.Cell) => {
    c.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    c.border = box;
  };
  for (const s of specs) {
    if (s.sub) {
      ws.getCell(row, col).value = s.text;
      ws.mergeCells(row, col, row, col + s.sub.length - 1);
      s.sub.forEach((t, i) => {
        const c = ws.getCell(row + 1, col + i);
        c.value = t;
        style(c);
        ws.getColumn(col + i).width = s.width;
      });
      for (let i = 0; i < s.sub.length; i++) style(ws.getCell(row, col + i));
      col += s.sub.length;
    } else {
      ws.getCell(row, col).value = s.text;
      style(ws.getCell(row, col));
      if (twoRows) {
        style(ws.getCell(row + 1, col));
        ws.mergeCells(row, col, row + 1, col);
      }
      ws.getColumn(col).width = s.width;
      col++;
    }
  }
  ws.getRow(row).height = 30;
  if (twoRows) ws.getRow(row + 1).height = 18;
  return col - 1;
}

function setCell(ws: ExcelJS.Worksheet, row: number, col: number, value: ExcelJS.CellValue, numFmt?: string): ExcelJS.Cell {
  const c = ws.getCell(row, col);
  if (value !== null && value !== undefined) c.value = value;
  if (numFmt) c.numFmt = numFmt;
  c.border = box;
  c.alignment = { vertical: 'middle', wrapText: typeof value === 'string' && value.length > 25 };
  return c;
}

// ---------------------------------------------------------------------------------------------
// PE-F-012

interface PlanVariant {
  /** Swap the dates of one activity (date-order) and type one amount as text (number-as-text). */
  mistakes: boolean;
}

function planSheet(wb: ExcelJS.Workbook, variant: PlanVariant): void {
  const ws = wb.addWorksheet('PE-F-012', { views: [{ state: 'frozen', ySplit: 7, xSplit: 0 }], pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const headers: HeaderSpec[] = [
    { text: 'DIMENSIÓN', width: 16 },
    { text: 'SECTOR', width: 16 },
    { text: 'CÓDIGO\nPROGRAMA', width: 10 },
    { text: 'PROGRAMA', width: 30 },
    { text: 'CÓDIGO META\nPRODUCTO', width: 11 },
    { text: 'META DE PRODUCTO', width: 40 },
    { text: 'INDICADOR DE PRODUCTO', width: 28 },
    { text: 'UNIDAD DE MEDIDA', width: 12 },
    { text: 'TIPO DE META', width: 11 },
    { text: 'TIPO DE ACUMULACIÓN', width: 13 },
    { text: 'LÍNEA BASE', width: 9 },
    { text: 'META CUATRIENIO', width: 11 },
    { text: 'META 2025', width: 10 },
    { text: 'PROGRAMACIÓN', sub: ['T1', 'T2', 'T3', 'T4'], width: 8 },
    { text: 'DEPENDENCIA', width: 20 },
    { text: 'RESPONSABLE', width: 22 },
    { text: 'PROYECTO DE INVERSIÓN', width: 30 },
    { text: 'CÓDIGO BPIN', width: 16 },
    { text: 'ACTIVIDAD', width: 40 },
    { text: 'FECHA DE INICIO', width: 12 },
    { text: 'FECHA DE TERMINACIÓN', width: 13 },
    { text: 'FUENTE DE FINANCIACIÓN', width: 18 },
    { text: 'VALOR ($)', width: 17 },
    { text: '¿REQUIERE CONTRATACIÓN?', width: 13 },
  ];
  const lastCol = 27;
  titleBlock(ws, [ENTITY, 'PLAN DE ACCIÓN — FORMATO PE-F-012', PLAN_NAME, 'Vigencia: 2025', 'Proceso: Planeación estratégica · Versión 04 · Aprobado en Consejo de Gobierno del 28/01/2025'], lastCol);
  header(ws, 6, headers, true);
  ws.autoFilter = { from: { row: 7, column: 1 }, to: { row: 7, column: lastCol } };

  let row = 8;
  for (const p of programs()) {
    for (const g of p.goals) {
      const first = row;
      const magFmt = magnitudeFormat([g.baseline, g.term, g.year, ...g.planned]);
      g.activities.forEach((a, i) => {
        const r = row + i;
        let start = a.start;
        let end = a.end;
        let amount: number | string = a.amount;
        if (variant.mistakes && g.code === '2402041' && i === 1) [start, end] = [end, start];
        if (variant.mistakes && g.code === '1905021' && i === 1) amount = '85.000.000';
        setCell(ws, r, 22, a.text);
        setCell(ws, r, 23, dmy(start), DATE);
        setCell(ws, r, 24, dmy(end), DATE);
        setCell(ws, r, 25, a.source);
        setCell(ws, r, 26, amount, MONEY);
        setCell(ws, r, 27, a.contract).alignment = { horizontal: 'center', vertical: 'middle' };
      });
      const goalCells: [number, ExcelJS.CellValue, string?][] = [
        [1, p.dimension],
        [2, p.sector],
        [3, Number(p.code)],
        [4, p.name],
        [5, g.code],
        [6, g.goal],
        [7, g.indicator],
        [8, g.measure],
        [9, g.type],
        [10, g.acc],
        [11, g.baseline ?? null, magFmt],
        [12, g.term, magFmt],
        [13, g.year, magFmt],
        [14, g.planned[0], magFmt],
        [15, g.planned[1], magFmt],
        [16, g.planned[2], magFmt],
        [17, g.planned[3], magFmt],
        [18, p.unit],
        [19, g.responsible],
        [20, g.project],
        [21, g.bpin, '@'],
      ];
      for (const [col, value, fmt] of goalCells) {
        setCell(ws, first, col, value, fmt);
        for (let i = 1; i < g.activities.length; i++) setCell(ws, first + i, col, null, fmt);
        if (g.activities.length > 1) ws.mergeCells(first, col, first + g.activities.length - 1, col);
      }
      row += g.activities.length;
    }
  }
  // Totals row (not a data row for the reader).
  ws.getCell(row, 1).value = 'Total plan de acción';
  ws.getCell(row, 1).font = { bold: true };
  const total = programs().flatMap((p) => p.goals.flatMap((g) => g.activities.map((a) => a.amount))).reduce((a, b) => a + b, 0);
  const c = ws.getCell(row, 26);
  c.value = { formula: `SUM(Z8:Z${row - 1})`, result: total };
  c.numFmt = MONEY;
  c.font = { bold: true };
}

function ceilingsSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Techos', { views: [{ state: 'frozen', ySplit: 4 }] });
  titleBlock(ws, [ENTITY, 'Techos presupuestales por programa — vigencia 2025', 'Vigencia: 2025 · Fuente: Secretaría de Hacienda, POAI 2025'], 5);
  header(ws, 4, [
    { text: 'Código del programa', width: 12 },
    { text: 'Programa', width: 45 },
    { text: 'Dependencia', width: 26 },
    { text: 'Techo presupuestal', width: 20 },
  ], false);
  let row = 5;
  for (const p of programs()) {
    setCell(ws, row, 1, p.code, '@');
    setCell(ws, row, 2, p.name);
    setCell(ws, row, 3, p.unit);
    setCell(ws, row, 4, p.ceiling, MONEY);
    row++;
  }
  ws.getCell(row, 1).value = 'Total';
  ws.getCell(row, 1).font = { bold: true };
  ws.getCell(row, 4).value = { formula: `SUM(D5:D${row - 1})`, result: programs().reduce((a, p) => a + p.ceiling, 0) };
  ws.getCell(row, 4).numFmt = MONEY;
}

function instructionsSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Instrucciones');
  ws.getColumn(1).width = 110;
  [
    'Instrucciones para diligenciar el plan de acción (PE-P-002)',
    '1. Cada fila es una actividad de una meta de producto; una meta con varias actividades ocupa varias filas (celdas combinadas).',
    '2. La programación trimestral (T1–T4) debe ser coherente con la meta de la vigencia según el tipo de acumulación.',
    '3. La suma de los valores de cada programa no puede superar su techo presupuestal (hoja «Techos»).',
    '4. Envíe el plan a la Oficina de Planeación de Gestión Institucional a más tardar el 15 de enero.',
  ].forEach((t, i) => {
    ws.getCell(i + 1, 1).value = t;
    if (i === 0) ws.getCell(1, 1).font = { bold: true, size: 12 };
  });
}

// ---------------------------------------------------------------------------------------------
// HC T2

function captureSheet(wb: ExcelJS.Workbook, mistakes: boolean): void {
  const ws = wb.addWorksheet('HC T2', { views: [{ state: 'frozen', ySplit: 8, xSplit: 4 }], pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const headers: HeaderSpec[] = [
    { text: 'Dimensión', width: 16 },
    { text: 'Cód. programa', width: 10 },
    { text: 'Código meta producto', width: 11 },
    { text: 'Meta de producto', width: 40 },
    { text: 'Dependencia', width: 20 },
    { text: 'Tipo de acumulación', width: 13 },
    { text: 'Línea base', width: 9 },
    { text: 'Meta vigencia 2025', width: 10 },
    { text: 'Programado', sub: ['T1', 'T2', 'T3', 'T4'], width: 8 },
    { text: 'Ejecutado', sub: ['T1', 'T2', 'T3', 'T4'], width: 8 },
    { text: 'Ejecutado acumulado', width: 11 },
    { text: '% avance', width: 9 },
    { text: 'Apropiación definitiva', width: 17 },
    { text: 'Compromisos', width: 17 },
    { text: 'Obligaciones', width: 17 },
    { text: 'Pagos', width: 17 },
    { text: 'Análisis del avance', width: 45 },
    { text: 'Evidencia', width: 28 },
    { text: 'Estado de la meta', width: 14 },
  ];
  titleBlock(ws, [
    ENTITY,
    'OFICINA DE PLANEACIÓN DE GESTIÓN INSTITUCIONAL — HOJA DE CAPTURA, SEGUIMIENTO AL PLAN DE DESARROLLO',
    PLAN_NAME,
    'Vigencia: 2025',
    'Fecha de corte: 30/06/2025',
    'Periodo reportado: II trimestre (abril – junio de 2025) · Entrega: 15 días calendario después del corte',
  ], 27);
  header(ws, 7, headers, true);

  let row = 9;
  for (const p of programs()) {
    for (const g of p.goals) {
      const magFmt = magnitudeFormat([g.baseline, g.year, ...g.planned, ...g.executed]);
      const final = g.activities.reduce((a, b) => a + b.amount, 0);
      const e = executedToDate(g);
      let declaredTotal: number | null = g.eliminated ? null : e;
      if (mistakes && g.code === '1702017') declaredTotal = 140; // Mistake: computed is 130.
      const progress = g.eliminated ? null : Math.round(progressOfYear(g) * 10000) / 10000;
      let obligations = g.budget.obligations;
      if (mistakes && g.code === '2402060') obligations = 120_000_000; // Mistake: over commitments.
      const commitments: number | string = mistakes && g.code === '4502011' ? '45.600.000' : g.budget.commitments; // Mistake: text.
      const analysis = mistakes && g.code === '2201015' ? null : (g.analysis ?? null); // Mistake: lagging, no analysis.
      const values: [ExcelJS.CellValue, string?][] = [
        [p.dimension],
        [p.code, '@'],
        [g.code, '@'],
        [g.goal],
        [p.unit],
        [g.acc],
        [g.baseline ?? null, magFmt],
        [g.year, magFmt],
        ...g.planned.map((v) => [v, magFmt] as [number, string]),
        [g.executed[0], magFmt],
        [g.executed[1], magFmt],
        [null, magFmt],
        [null, magFmt],
        [declaredTotal, magFmt],
        [progress, PCT],
        [final, MONEY],
        [commitments, MONEY],
        [obligations, MONEY],
        [g.budget.payments, MONEY],
        [analysis],
        [g.evidence ?? null],
        [g.eliminated ? 'Meta eliminada' : 'Activa'],
      ];
      values.forEach(([v, fmt], j) => setCell(ws, row, j + 1, v, fmt));
      row++;
    }
  }
}

// ---------------------------------------------------------------------------------------------

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Oficina de Planeación de Gestión Institucional';
  wb.lastModifiedBy = 'Oficina de Planeación de Gestión Institucional';
  wb.company = 'Alcaldía de San Juan de Pasto';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

export interface ExampleFile {
  /** Path relative to the repository root. */
  readonly path: string;
  readonly build: () => ExcelJS.Workbook;
}

export const exampleFiles: readonly ExampleFile[] = [
  {
    path: 'examples/plan-accion-2025.xlsx',
    build: () => {
      const wb = newWorkbook();
      wb.title = 'Plan de acción 2025';
      planSheet(wb, { mistakes: true });
      ceilingsSheet(wb);
      instructionsSheet(wb);
      return wb;
    },
  },
  {
    path: 'examples/hoja-captura-T2-2025.xlsx',
    build: () => {
      const wb = newWorkbook();
      wb.title = 'Hoja de captura T2 2025';
      planSheet(wb, { mistakes: false });
      captureSheet(wb, true);
      return wb;
    },
  },
  {
    path: 'test/fixtures/hoja-captura-limpia.xlsx',
    build: () => {
      const wb = newWorkbook();
      wb.title = 'Hoja de captura T2 2025 (sin errores)';
      planSheet(wb, { mistakes: false });
      captureSheet(wb, false);
      return wb;
    },
  },
];

export async function writeExamples(root: string): Promise<string[]> {
  const written: string[] = [];
  for (const f of exampleFiles) {
    const out = path.join(root, f.path);
    await fs.mkdir(path.dirname(out), { recursive: true });
    await fs.writeFile(out, Buffer.from(await f.build().xlsx.writeBuffer()));
    written.push(f.path);
  }
  return written;
}

if (require.main === module) {
  writeExamples(path.resolve(__dirname, '..')).then(
    (files) => console.log(`Escritos: ${files.join(', ')}`),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
