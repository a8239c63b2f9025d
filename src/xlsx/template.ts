/**
 * exceljs rendering of a template description (`src/app/templates.ts`): title block, styled and
 * frozen header, column widths, number/date/percent formats and data validation on the data rows.
 */
import ExcelJS from 'exceljs';
import type { TemplateSpec } from '../app/templates';
import { listNeedsSheet, templateColours, templateListsSheet, templateNumberFormats } from '../app/templates';
import { columnLetter } from '../domain/grid';
import { parts } from '../domain/dates';

const HEADER_FILL = `FF${templateColours.header}`;
const REQUIRED_FILL = `FF${templateColours.required}`;

/** Adds the template sheet to `wb` and returns it. */
function renderTemplate(wb: ExcelJS.Workbook, spec: TemplateSpec): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(spec.sheetName, {
    views: [{ state: 'frozen', ySplit: spec.headerRow, xSplit: 0, topLeftCell: `A${spec.headerRow + 1}`, activeCell: `A${spec.headerRow + 1}` }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });

  // Title block.
  ws.getCell('A1').value = spec.entity;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = spec.title;
  ws.getCell('A2').font = { bold: true, size: 12 };
  spec.titleLines.forEach((line, i) => {
    const r = 3 + i;
    ws.getCell(r, 1).value = line.label;
    ws.getCell(r, 1).font = { bold: true };
    const v = ws.getCell(r, 2);
    if (line.value !== null && line.value !== '') {
      if (line.isDate && typeof line.value === 'string') {
        const { year, month, day } = parts(line.value);
        v.value = new Date(Date.UTC(year, month - 1, day));
      } else v.value = line.value;
    }
    if (line.isDate) v.numFmt = templateNumberFormats.date!;
    v.border = { bottom: { style: 'thin', color: { argb: 'FF808080' } } };
  });

  // Header.
  const header = ws.getRow(spec.headerRow);
  header.height = 32;
  spec.columns.forEach((col, j) => {
    const c = header.getCell(j + 1);
    c.value = col.header;
    c.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: col.required ? REQUIRED_FILL : HEADER_FILL } };
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    if (col.required) c.note = 'Obligatorio';
    ws.getColumn(j + 1).width = col.width;
  });
  ws.autoFilter = { from: { row: spec.headerRow, column: 1 }, to: { row: spec.headerRow, column: spec.columns.length } };

  // Data rows: formats and validations (one range per column).
  const first = spec.headerRow + 1;
  const last = spec.headerRow + spec.dataRows;
  let listSheet: ExcelJS.Worksheet | undefined;
  // exceljs 4.4 has `dataValidations` at run time but not in its typings.
  const validations = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  spec.columns.forEach((col, j) => {
    const letter = columnLetter(j + 1);
    const fmt = templateNumberFormats[col.format];
    for (let r = first; r <= last; r++) {
      const cell = ws.getCell(r, j + 1);
      if (fmt) cell.numFmt = fmt;
      if (col.format === 'text' && col.width >= 30) cell.alignment = { wrapText: true, vertical: 'top' };
    }
    const range = `${letter}${first}:${letter}${last}`;
    const prompt = col.hint ? { showInputMessage: true, promptTitle: col.header.slice(0, 32), prompt: col.hint.slice(0, 255) } : {};
    if (col.list) {
      const inline = `"${col.list.join(',')}"`;
      let formula = inline;
      if (listNeedsSheet(col.list)) {
        listSheet ??= wb.addWorksheet(templateListsSheet, { state: 'hidden' });
        const lc = listSheet.columnCount + 1;
        col.list.forEach((v, i) => (listSheet!.getCell(i + 1, lc).value = v));
        formula = `${templateListsSheet}!$${columnLetter(lc)}$1:$${columnLetter(lc)}$${col.list.length}`;
      }
      validations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [formula],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: col.header.slice(0, 32),
        error: `Elija un valor de la lista: ${col.list.join(', ')}.`.slice(0, 255),
        ...prompt,
      });
    } else if (col.format === 'money' || col.format === 'magnitude' || (col.format === 'percent' && !col.max100)) {
      validations.add(range, {
        type: 'decimal',
        operator: 'greaterThanOrEqual',
        allowBlank: true,
        formulae: [0],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: col.header.slice(0, 32),
        error: 'Escriba un número mayor o igual a cero.',
        ...prompt,
      });
    } else if (col.format === 'percent' && col.max100) {
      validations.add(range, {
        type: 'decimal',
        operator: 'between',
        allowBlank: true,
        formulae: [0, 1],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: col.header.slice(0, 32),
        error: 'Escriba un porcentaje entre 0 % y 100 %.',
        ...prompt,
      });
    } else if (col.format === 'date') {
      validations.add(range, {
        type: 'date',
        operator: 'greaterThan',
        allowBlank: true,
        formulae: [new Date(Date.UTC(2000, 0, 1))],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: col.header.slice(0, 32),
        error: 'Escriba una fecha dd/mm/aaaa.',
        ...prompt,
      });
    } else if (col.field === 'bpin' || col.field === 'programCode') {
      const [min, max] = col.field === 'bpin' ? [13, 15] : [4, 4];
      validations.add(range, {
        type: 'textLength',
        operator: 'between',
        allowBlank: true,
        formulae: [min, max],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: col.header.slice(0, 32),
        error: col.field === 'bpin' ? 'El código BPIN tiene 13 o 15 dígitos.' : 'El código de programa MGA tiene 4 dígitos.',
        ...prompt,
      });
    }
  });
  return ws;
}

/** A new workbook holding only the template. */
export function templateWorkbook(spec: TemplateSpec): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tablero PDM';
  renderTemplate(wb, spec);
  return wb;
}
