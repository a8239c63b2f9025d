/**
 * "Devolución" — the cover of a unit's return (PE-P-004 step 4, PE-P-008 step 3): to whom, at
 * which cut-off, by when it must come back (the report deadline of the period), what the workbook
 * holds (its observations, its lagging goals, its goals over 100 %) and what to do with each.
 * The workbook's other sheets are the unit's Observaciones and Alertas.
 */
import type { ProgressModel } from '../domain/progress-model';
import { formatDate, formatPercent } from '../domain/format';
import { unnamedGroup } from '../domain/aggregate';
import { SheetBuilder, palette } from './model';
import type { SheetModel } from './model';
import { DASH, formatDateTime, periodName, section, titleBlock } from './common';

const LAST = 8;

export interface DevolucionInput {
  readonly unit: string;
  /** The consolidated model narrowed to the unit (`modelForUnit`). */
  readonly model: ProgressModel;
  readonly errors: number;
  readonly warnings: number;
  /** The unit's files that were reviewed. */
  readonly files: readonly string[];
  readonly generatedAt: string;
}

export function buildDevolucion(input: DevolucionInput): SheetModel {
  const { model } = input;
  const b = new SheetBuilder('devolucion', undefined, palette.blue);
  b.widthsFrom(1, [5, 30, 14, 14, 14, 14, 14, 14]);
  b.style('count', { font: { bold: true, size: 14, color: palette.navy }, fill: palette.paleBlue, horizontal: 'center', vertical: 'middle' });
  b.style('countLabel', { font: { size: 10 }, vertical: 'middle', wrap: true });
  b.style('step', { font: { bold: true, size: 11, color: palette.navy }, horizontal: 'center', vertical: 'top' });
  b.style('stepText', { font: { size: 10 }, vertical: 'top', wrap: true });
  b.style('deadline', { font: { bold: true, size: 12, color: palette.redText }, fill: palette.red, vertical: 'middle', indent: 1, wrap: true });

  const deadline = model.deadline;
  let row = titleBlock(
    b,
    LAST,
    model.entity,
    `Devolución a la dependencia — ${input.unit}`,
    'Revisión del seguimiento (PE-P-004, paso 4) y reporte de alertas del trimestre (PE-P-008, paso 3)',
    [
      { label: 'Fecha de corte', value: model.cutoff, as: 'date' },
      { label: 'Periodo', value: periodName(model) },
      { label: 'Plazo de respuesta', value: deadline, as: 'date' },
      { label: 'Generado el', value: formatDateTime(input.generatedAt) },
    ],
    [
      [1, 2, 3, 4],
      [5, 6, 7, 8],
    ],
  );
  b.merge(
    row, 1, row, LAST,
    deadline
      ? `Devuelva este libro diligenciado y su hoja corregida a la Oficina de Planeación a más tardar el ${formatDate(deadline)}.`
      : 'Devuelva este libro diligenciado y su hoja corregida a la Oficina de Planeación.',
    'deadline',
  );
  b.height(row, 30);
  row += 2;

  row = section(b, row, LAST, 'Lo que contiene este libro');
  const unit = model.units[0];
  const counts: [number | string, string][] = [
    [input.errors, 'Observaciones con error (hoja «Observaciones»): corríjalas en su libro.'],
    [input.warnings, 'Advertencias (hoja «Observaciones»): revíselas.'],
    [
      model.rezagadas.length,
      model.yearEnd
        ? 'Metas no cumplidas en la vigencia: justificación y compromiso (hoja «Alertas», sección 1).'
        : 'Metas rezagadas al corte — atrasadas y no iniciadas (hoja «Alertas», sección 1).',
    ],
    [model.overExecuted.length, 'Metas por encima de lo programado al corte (hoja «Alertas», sección 2).'],
    [model.missingReports.length, 'Metas con periodos vencidos sin reporte (hoja «Alertas», sección 3).'],
    [model.unreported.length, 'Metas del plan de acción sin reporte (hoja «Alertas», sección 4).'],
    [
      unit?.compliance !== null && unit?.compliance !== undefined ? formatPercent(unit.compliance) : DASH,
      // «Sin dependencia» is nobody's management: its goals' compliance, never a place in a ranking.
      unit?.name === unnamedGroup.unit
        ? `Cumplimiento físico al corte de las metas que no nombran su dependencia${unit.rating ? ` (calificación ${unit.rating})` : ''}.`
        : `Cumplimiento físico de la dependencia al corte${unit?.rating ? ` (calificación ${unit.rating}${unit.rank ? `, puesto ${unit.rank} del ranking` : ''})` : ''}.`,
    ],
  ];
  for (const [n, label] of counts) {
    b.merge(row, 1, row, 2, n, 'count');
    b.merge(row, 3, row, LAST, label, 'countLabel');
    b.height(row, 24);
    row++;
  }
  row++;

  row = section(b, row, LAST, 'Qué hacer');
  const steps = [
    'Corrija en su propio libro cada observación de la hoja «Observaciones»: el archivo, la hoja y la celda dicen dónde está; escriba su respuesta en la última columna.',
    'En la hoja «Alertas», para cada meta rezagada diligencie las columnas en amarillo: causa del rezago, acción correctiva, responsable y fecha de compromiso.',
    'Justifique las metas por encima del 100 % o proponga el ajuste de la meta (PE-P-008, paso 5).',
    deadline
      ? `Envíe este libro y su hoja corregida a la Oficina de Planeación a más tardar el ${formatDate(deadline)}. Si no hay respuesta, se deja constancia de la no realización de ajustes (PE-P-008).`
      : 'Envíe este libro y su hoja corregida a la Oficina de Planeación. Si no hay respuesta, se deja constancia de la no realización de ajustes (PE-P-008).',
  ];
  steps.forEach((s, i) => {
    b.set(row, 1, i + 1, 'step');
    b.merge(row, 2, row, LAST, s, 'stepText');
    row++;
  });
  row++;
  b.merge(row, 1, row, LAST, `Archivos revisados: ${input.files.length ? input.files.join(', ') : DASH}`, 'note', { text: true });
  row += 2;
  b.merge(row, 1, row, LAST, `Generado por Tablero PDM el ${formatDateTime(input.generatedAt)}. Solo contiene las observaciones y metas de ${input.unit}.`, 'footer');
  b.printSetup({ orientation: 'portrait' });
  return b.build();
}
