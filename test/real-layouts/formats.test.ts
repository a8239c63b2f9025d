/**
 * The four real-layout workbooks of `../shared/real-layouts/` (built from real public files): each
 * data sheet is recognised with its kind and named format, hidden and helper sheets are listed and
 * never validated, and the planted mistakes of the samples' README that this reading covers are
 * reported on their rows.
 */
import * as path from 'node:path';
import { existsSync } from 'node:fs';
import { tablero, tempDir, repoRoot } from '../cli/io';

const samples = path.resolve(repoRoot, '..', 'shared', 'real-layouts');
const file = (name: string) => path.join(samples, name);
const present = existsSync(samples);
const maybe = present ? describe : describe.skip;

interface Json {
  files: {
    file: string;
    sheets: { name: string; kind: string; format?: string; dataRows: number; vigencia?: number }[];
    hidden?: string[];
    helpers?: { name: string; role: string }[];
    findings: { rule: string; severity: string; sheet: string; cell: string; row: number }[];
  }[];
}

async function validar(name: string, extra: string[] = []): Promise<Json['files'][number]> {
  const { dir, cleanup } = tempDir();
  try {
    const r = await tablero(['validar', file(name), '--json', ...extra], dir);
    expect(r.stderr).toBe('');
    return (JSON.parse(r.stdout) as Json).files[0];
  } finally {
    cleanup();
  }
}

function has(f: Json['files'][number], rule: string, cell: string): boolean {
  return f.findings.some((x) => x.rule === rule && x.cell === cell);
}

maybe('real layouts', () => {
  it('SisPT: the products sheet is a plan indicativo named as SisPT; the other sheets are its helpers', async () => {
    const f = await validar('sispt-plan-indicativo-cajica.xlsx');
    expect(f.sheets).toEqual([expect.objectContaining({ name: 'Plan indicativo - Productos', kind: 'plan-indicativo', format: 'Plan indicativo exportado de SisPT (DNP)', dataRows: 40 })]);
    expect(f.helpers?.map((h) => h.name).sort()).toEqual(['Indicadores de resultado', 'Iniciativas SGR', 'Líneas estratégicas', 'Plan indicativo SGR - Productos']);
    expect(has(f, 'required', 'T5')).toBe(true); // Tipo de acumulación blank
    expect(has(f, 'code-format', 'CG9')).toBe(true); // BPIN with 12 digits
    expect(has(f, 'number-as-text', 'V11')).toBe(true); // '0,5'
  });

  it('DNP seguimiento: the physical sheet is an annual capture sheet and the financial one joins it', async () => {
    const f = await validar('dnp-seguimiento-pdt-cajica.xlsx');
    const physical = f.sheets.find((s) => s.name === 'Detalle seguimiento físico');
    expect(physical).toEqual(expect.objectContaining({ kind: 'hoja-captura', format: 'Informe de seguimiento al PDT (DNP)', dataRows: 40, vigencia: 2025 }));
    expect(f.sheets.find((s) => s.name === 'Detalle seguimiento financiero')?.format).toBe('Informe de seguimiento al PDT (DNP)');
    expect(f.helpers?.map((h) => h.name)).toEqual(['Resumen']);
    expect(has(f, 'number-as-text', 'U12')).toBe(true); // Ejecución Física 2025 = '0,8'
    expect(has(f, 'required', 'O15')).toBe(true); // Programado 2025 blank
  });

  it('Cundinamarca PDM: read as a capture sheet of the 2025 block; hidden helper sheets listed, never validated', async () => {
    const f = await validar('tenjo-pdm-seguimiento.xlsx');
    expect(f.sheets).toEqual([expect.objectContaining({ name: 'PDM', kind: 'hoja-captura', format: 'Seguimiento al PDM, formato de Cundinamarca', dataRows: 45, vigencia: 2025 })]);
    expect(f.hidden).toEqual(['Hoja 1', 'CONSOLIDADO PROGRAMAS', 'Nombre Eje']);
    expect(f.findings.every((x) => x.sheet === 'PDM')).toBe(true);
    expect(has(f, 'number-as-text', 'AZ6')).toBe(true); // T1. EJECUTADO 2025 = '0,15'
    expect(has(f, 'required', 'X12')).toBe(true); // RESPONSABLE blank
    expect(has(f, 'code-format', 'P15')).toBe(true); // BPIN with 12 digits
    expect(f.findings.some((x) => x.rule === 'duplicate' && x.row === 18)).toBe(true); // COD META PRODUCTO repeated
    expect(f.findings.some((x) => x.rule === 'budget-chain' && x.row === 24)).toBe(true); // compromisos 120 %
    expect(has(f, 'number-as-text', 'BX27')).toBe(true); // PAGOS 2025 = '$ 12.500.000'
  });

  it('Cundinamarca PDM: --vigencia 2024 reads the 2024 block', async () => {
    const f = await validar('tenjo-pdm-seguimiento.xlsx', ['--vigencia', '2024']);
    expect(f.sheets[0].vigencia).toBe(2024);
    expect(has(f, 'number-as-text', 'AZ6')).toBe(false);
  });

  it('Cali Cuadro 1S: the activity sheet is read, the summaries are helpers and the hidden 2020–2023 sheet is left out', async () => {
    const f = await validar('cali-cuadro1s-plan-accion-T2-2025.xlsx');
    expect(f.sheets).toEqual([
      expect.objectContaining({ name: 'MEDE01.03.01.P01.F05', kind: 'hoja-captura', format: 'Cuadro 1S – Seguimiento al Plan de Acción (Santiago de Cali)' }),
    ]);
    expect(f.hidden).toEqual(['DAP Cuadro 4F']);
    expect(f.helpers?.map((h) => h.name)).toEqual(['Descripcion Cuadro', 'Organismo', 'Proyectos', 'Avance Proyecto']);
    expect(f.findings.every((x) => x.sheet === 'MEDE01.03.01.P01.F05')).toBe(true);
    expect(has(f, 'date-order', 'AW14')).toBe(true); // Fecha Fin before Fecha Inicio
    expect(has(f, 'percent-range', 'Q17')).toBe(true); // % de avance actividad T II = '115.00%'
    expect(f.findings.some((x) => x.rule === 'budget-chain' && x.row === 20)).toBe(true); // Obligado > Ejecución
    expect(has(f, 'number-as-text', 'AG23')).toBe(true); // '1,5'
    expect(has(f, 'code-format', 'H26')).toBe(true); // BPIN with 12 digits
    expect(has(f, 'analysis-required', 'AH29')).toBe(true); // product at 0 in T2, explanation deleted
    expect(f.findings.some((x) => x.rule === 'date' && x.cell === 'AW12')).toBe(true); // '2/2/0205', a real typo
  });

  it('reporte counts the products of the vigencia: Cali activities collapse to their products, DNP indicators keep their own', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const cali = JSON.parse((await tablero(['reporte', file('cali-cuadro1s-plan-accion-T2-2025.xlsx'), '--json'], dir)).stdout);
      expect(cali.cutoff).toBe('2025-06-30');
      expect(cali.goals).toHaveLength(20);
      const dnp = JSON.parse((await tablero(['reporte', file('dnp-seguimiento-pdt-cajica.xlsx'), '--json'], dir)).stdout);
      expect(dnp.cutoff).toBe('2025-09-30');
      expect(dnp.goals).toHaveLength(40);
      // The financial follow-up joins by product code: product 3202002's money on its first indicator, IP-2.
      const ip2 = dnp.goals.find((g: { code: string }) => g.code === 'IP-2');
      expect(ip2.budget).toEqual({ final: 10150000, commitments: null, obligations: null, payments: null });
      const tenjo = JSON.parse((await tablero(['reporte', file('tenjo-pdm-seguimiento.xlsx'), '--json'], dir)).stdout);
      expect(tenjo.vigencia).toBe(2025);
      expect(tenjo.goals).toHaveLength(45);
    } finally {
      cleanup();
    }
  });

  it('a cut-off outside the vigencia is a usage error', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const r = await tablero(['validar', file('tenjo-pdm-seguimiento.xlsx'), '--vigencia', '2025', '--corte', '2024-06-30'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/fuera de la vigencia 2025/);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      cleanup();
    }
  });
});
