/**
 * office-js rendering of a template description (`src/app/templates.ts`), mirroring the exceljs
 * one (`src/xlsx/template.ts`): title block, styled and frozen header, widths, number/date/percent
 * formats and data validation (drop-down lists, ExcelApi 1.8) on the data rows. Drawn on a
 * temporary sheet and renamed at the end, so a failure leaves no half template.
 */
import type { TemplateColumn, TemplateSpec } from '../app/templates';
import { listNeedsSheet, templateColours, templateListsSheet, templateNumberFormats } from '../app/templates';
import { columnLetter } from '../domain/grid';
import type { Capabilities } from './capabilities';
import { ACTION_BYTES, runUnits, type Unit } from './batch';
import { widthPoints } from './format';
import { isIsoDate, toExcelSerial } from '../domain/dates';
import { toExcelHostError } from './errors';

const HEADER_FILL = `#${templateColours.header}`;
const REQUIRED_FILL = `#${templateColours.required}`;
const TEMP = '_tpdm_plantilla';
const LISTS = templateListsSheet;

/** A free sheet name: `base`, `base (2)`, … (Excel compares names without case). */
function freeSheetName(base: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLocaleLowerCase('es')));
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? '' : ` (${i})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(name.toLocaleLowerCase('es'))) return name;
  }
}

function validationRule(col: TemplateColumn, listRef: string | undefined): Excel.DataValidationRule | undefined {
  if (col.list) return { list: { inCellDropDown: true, source: listRef ?? col.list.join(',') } };
  if (col.format === 'money' || col.format === 'magnitude' || (col.format === 'percent' && !col.max100)) {
    return { decimal: { formula1: 0, operator: 'GreaterThanOrEqualTo' } };
  }
  if (col.format === 'percent' && col.max100) return { decimal: { formula1: 0, formula2: 1, operator: 'Between' } };
  if (col.format === 'date') return { date: { formula1: '2000-01-01', operator: 'GreaterThan' } };
  return undefined;
}

function errorMessage(col: TemplateColumn): string {
  if (col.list) return `Elija un valor de la lista: ${col.list.join(', ')}.`.slice(0, 255);
  if (col.format === 'percent' && col.max100) return 'Escriba un porcentaje entre 0 % y 100 %.';
  if (col.format === 'date') return 'Escriba una fecha dd/mm/aaaa.';
  return 'Escriba un número mayor o igual a cero.';
}

/** Inserts the template as a new sheet and activates it; returns its name. */
export async function insertTemplateIn(ctx: Excel.RequestContext, spec: TemplateSpec, caps: Capabilities, budget: number): Promise<string> {
  const worksheets = ctx.workbook.worksheets;
  worksheets.load('items/name');
  await ctx.sync();
  const taken = worksheets.items.map((w) => w.name);
  const name = freeSheetName(spec.sheetName, taken);
  const needLists = caps.dataValidation && spec.columns.some((c) => c.list && listNeedsSheet(c.list));
  const listsName = needLists ? freeSheetName(LISTS, taken) : undefined;
  let ws: Excel.Worksheet | undefined;
  let lists: Excel.Worksheet | undefined;
  const sheet = () => ws!;
  const first = spec.headerRow + 1;
  const last = spec.headerRow + spec.dataRows;
  const lastCol = columnLetter(spec.columns.length);
  const units: Unit[] = [];

  units.push({
    bytes: ACTION_BYTES * 30,
    queue(c) {
      for (const stale of taken.filter((t) => t === TEMP)) c.workbook.worksheets.getItem(stale).delete();
      ws = c.workbook.worksheets.add(TEMP);
      if (listsName) {
        lists = c.workbook.worksheets.add(listsName);
        lists.visibility = 'Hidden';
      }
      // Title block.
      const a1 = ws.getRange('A1');
      a1.values = [[spec.entity]];
      a1.format.font.bold = true;
      a1.format.font.size = 14;
      const a2 = ws.getRange('A2');
      a2.values = [[spec.title]];
      a2.format.font.bold = true;
      a2.format.font.size = 12;
      spec.titleLines.forEach((line, i) => {
        const r = 3 + i;
        const label = ws!.getRange(`A${r}`);
        label.values = [[line.label]];
        label.format.font.bold = true;
        const v = ws!.getRange(`B${r}`);
        if (line.isDate) v.numberFormat = [['dd/mm/yyyy']];
        else if (typeof line.value === 'string') v.numberFormat = [['@']];
        if (line.value !== null && line.value !== '') {
          v.values = [[line.isDate && typeof line.value === 'string' && isIsoDate(line.value) ? toExcelSerial(line.value) : line.value]];
        }
        const b = v.format.borders.getItem('EdgeBottom');
        b.style = 'Continuous';
        b.color = '#808080';
      });
      // Header.
      const header = ws.getRange(`A${spec.headerRow}:${lastCol}${spec.headerRow}`);
      header.numberFormat = [spec.columns.map(() => '@')];
      header.values = [spec.columns.map((c) => c.header)];
      header.format.font.bold = true;
      header.format.font.color = '#FFFFFF';
      header.format.fill.color = HEADER_FILL;
      header.format.horizontalAlignment = 'Center';
      header.format.verticalAlignment = 'Center';
      header.format.wrapText = true;
      header.format.rowHeight = 32;
      for (const idx of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical'] as const) header.format.borders.getItem(idx).style = 'Continuous';
      spec.columns.forEach((col, j) => {
        const letter = columnLetter(j + 1);
        if (col.required) ws!.getRange(`${letter}${spec.headerRow}`).format.fill.color = REQUIRED_FILL;
        ws!.getRange(`${letter}:${letter}`).format.columnWidth = widthPoints(col.width);
      });
      if (caps.freezePanes) ws.freezePanes.freezeRows(spec.headerRow);
    },
  });

  // Data rows: one format and (1.8) one validation per column.
  let listCol = 0;
  spec.columns.forEach((col, j) => {
    const letter = columnLetter(j + 1);
    const fmt = templateNumberFormats[col.format];
    let listRef: string | undefined;
    if (col.list && lists && listNeedsSheet(col.list)) {
      listCol++;
      const lc = columnLetter(listCol);
      const values = col.list.map((v) => [v]);
      listRef = `='${listsName!.replace(/'/g, "''")}'!$${lc}$1:$${lc}$${col.list.length}`;
      units.push({
        bytes: JSON.stringify(values).length + ACTION_BYTES * 2,
        queue() {
          const r = lists!.getRange(`${lc}1:${lc}${col.list!.length}`);
          r.numberFormat = values.map(() => ['@']);
          r.values = values;
        },
      });
    }
    units.push({
      bytes: ACTION_BYTES * 8 + (col.hint?.length ?? 0) + (col.list?.join(',').length ?? 0) * 2,
      queue() {
        const range = sheet().getRange(`${letter}${first}:${letter}${last}`);
        if (fmt) range.numberFormat = Array.from({ length: spec.dataRows }, () => [fmt]);
        if (col.format === 'text' && col.width >= 30) {
          range.format.wrapText = true;
          range.format.verticalAlignment = 'Top';
        }
        if (!caps.dataValidation) return;
        const rule = validationRule(col, listRef);
        if (rule) {
          range.dataValidation.rule = rule;
          range.dataValidation.errorAlert = {
            showAlert: true,
            style: col.list ? 'Stop' : 'Warning',
            title: col.header.slice(0, 32),
            message: errorMessage(col),
          };
        }
        if (col.hint) range.dataValidation.prompt = { showPrompt: true, title: col.header.slice(0, 32), message: col.hint.slice(0, 255) };
      },
    });
  });

  try {
    await runUnits(ctx, units, { budget });
    ws!.name = name;
    ws!.activate();
    ws!.getRange(`A${first}`).select();
    await ctx.sync();
  } catch (e) {
    try {
      const again = ctx.workbook.worksheets;
      again.load('items/name');
      await ctx.sync();
      for (const w of again.items) if (w.name === TEMP || (listsName && w.name === listsName)) w.delete();
      await ctx.sync();
    } catch {
      // A stale temporary sheet is removed by the next insertion.
    }
    throw toExcelHostError(e, { action: 'insertar la plantilla', rolledBack: true });
  }
  return name;
}
