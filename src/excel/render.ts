/**
 * office-js renderer of the host-neutral sheet model (`src/sheets/model.ts`): it translates,
 * deciding nothing — the same model the exceljs renderer (`src/xlsx/render.ts`) writes, plus a
 * REAL Excel chart for each `ChartSpec` (exceljs cannot draw one).
 *
 * Cost: the cells go in dense row chunks (one `numberFormat` + one `values` write per chunk), the
 * styles one format call per style and address string (multi-area ranges), all queued into
 * payload-bounded batches: a constant number of syncs per 4 MB, never one per cell or row.
 *
 * Text never becomes a formula: every string Excel would reinterpret (`=`, `+`, `-`, `@`, tab,
 * CR, numbers, dates, booleans) and every `text: true` cell is written into a Text (`@`) cell,
 * which Excel stores verbatim.
 *
 * Atomicity: each model is drawn on a new sheet under a temporary name; only the final batch
 * swaps it in (old generated sheet renamed aside, new one renamed, marker name added, registry
 * swapped, and — last — the old sheet deleted). A failure before that deletes the temporary
 * sheets: the workbook is left as it was. A person's sheet is never touched (placement comes from
 * `app/registry.ts`, as in the exceljs renderer).
 */
import type { ChartSpec, ConditionalFormat, ModelCell, SheetModel } from '../sheets/model';
import { nextSheetMarker, placeGeneratedSheet, productKindOf, REGISTRY_SHEET, type GeneratedEntry, type NamedSheetRef, type Registry } from '../app/registry';
import type { CancelToken, ProgressReporter } from '../app/ports';
import { columnLetter } from '../domain/grid';
import type { Capabilities } from './capabilities';
import { ACTION_BYTES, jsonBytes, runUnits, type Unit } from './batch';
import { cellsToAreas, joinAddresses, MAX_ADDRESS_CHARS } from './address';
import { quoteSheet, rangeAddress } from '../domain/grid';
import { toExcelHostError } from './errors';
import { isIsoDate, toExcelSerial } from '../domain/dates';
import { needsTextFormat, shiftFormula, styleUnits, widthPoints } from './format';
import { deleteVeryHidden, loadRegistry, namesOf, queueRegistryLookup, queueRegistrySwap, REGISTRY_TEMP, registryWriteUnits } from './registry';
import { pushTo } from '../domain/multimap';

const TEMP_PREFIX = '_tpdm_tmp_';
const OLD_PREFIX = '_tpdm_old_';

export interface RenderOptions {
  readonly caps: Capabilities;
  budget: number;
  /** ISO date-time recorded in the registry. */
  readonly generatedAt: string;
  readonly progress?: ProgressReporter;
  readonly cancel?: CancelToken;
}

export interface RenderedSheet {
  readonly kind: SheetModel['kind'];
  readonly name: string;
  readonly replaced: boolean;
}

const hex = (rgb: string) => `#${rgb.toUpperCase()}`;

/** What one cell writes: its value and its number format. */
function cellOutput(c: ModelCell, styleFormat: string | undefined): { value: string | number | boolean; format: string } {
  if (c.value === null) return { value: '', format: styleFormat ?? 'General' };
  if (c.date && typeof c.value === 'string') {
    if (isIsoDate(c.value)) return { value: toExcelSerial(c.value), format: styleFormat ?? 'dd/mm/yyyy' };
  }
  if (typeof c.value === 'string' && (c.text || needsTextFormat(c.value))) return { value: c.value, format: '@' };
  return { value: c.value, format: styleFormat ?? 'General' };
}

function valueUnits(sheet: () => Excel.Worksheet, model: SheetModel): Unit[] {
  if (model.cells.length === 0) return [];
  const maxCol = model.cells.reduce((m, c) => Math.max(m, c.col), 1);
  const byRow = new Map<number, ModelCell[]>();
  for (const c of model.cells) pushTo(byRow, c.row, c);
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const units: Unit[] = [];
  // Runs of consecutive rows, at most 500 rows per unit (split further on payload errors).
  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1 && j - i < 499) j++;
    units.push(rowsUnit(sheet, model, byRow, rows[i], rows[j], maxCol));
    i = j + 1;
  }
  return units;
}

function rowsUnit(sheet: () => Excel.Worksheet, model: SheetModel, byRow: Map<number, ModelCell[]>, top: number, bottom: number, maxCol: number): Unit {
  const values: (string | number | boolean)[][] = [];
  const formats: string[][] = [];
  for (let r = top; r <= bottom; r++) {
    const vr: (string | number | boolean)[] = new Array(maxCol).fill('');
    const fr: string[] = new Array(maxCol).fill('General');
    for (const c of byRow.get(r) ?? []) {
      const out = cellOutput(c, c.style ? model.styles[c.style]?.numberFormat : undefined);
      vr[c.col - 1] = out.value;
      fr[c.col - 1] = out.format;
    }
    values.push(vr);
    formats.push(fr);
  }
  return {
    bytes: jsonBytes(values) + jsonBytes(formats) + ACTION_BYTES * 3,
    queue() {
      const range = sheet().getRange(`A${top}:${columnLetter(maxCol)}${bottom}`);
      range.numberFormat = formats;
      range.values = values;
    },
    split() {
      if (top === bottom) return undefined;
      const mid = Math.floor((top + bottom) / 2);
      return [rowsUnit(sheet, model, byRow, top, mid, maxCol), rowsUnit(sheet, model, byRow, mid + 1, bottom, maxCol)];
    },
  };
}

function conditionalUnit(sheet: () => Excel.Worksheet, cf: ConditionalFormat, caps: Capabilities): Unit {
  const addresses = joinAddresses(cf.ranges, MAX_ADDRESS_CHARS);
  const first = cf.ranges[0];
  const apply = (target: Excel.ConditionalFormatCollection, dr: number, dc: number) => {
    if (cf.kind === 'expression') {
      const f = target.add('Custom');
      f.custom.rule.formula = `=${shiftFormula(cf.formula, dr, dc)}`;
      if (cf.fill) f.custom.format.fill.color = hex(cf.fill);
      if (cf.fontColor) f.custom.format.font.color = hex(cf.fontColor);
    } else {
      const f = target.add('DataBar');
      f.dataBar.lowerBoundRule = { type: 'Number', formula: String(cf.min) };
      f.dataBar.upperBoundRule = { type: 'Number', formula: String(cf.max) };
      f.dataBar.positiveFormat.fillColor = hex(cf.color);
      f.dataBar.positiveFormat.gradientFill = false;
    }
  };
  return {
    bytes: addresses.join(',').length + ACTION_BYTES * 6 * (caps.multiAreaRanges ? addresses.length : cf.ranges.length),
    queue() {
      const ws = sheet();
      if (caps.multiAreaRanges) {
        // One rule over all ranges: the formula stays relative to the first range's top-left.
        for (const a of addresses) apply(ws.getRanges(a).conditionalFormats, 0, 0);
      } else {
        for (const r of cf.ranges) apply(ws.getRange(rangeAddress(r)).conditionalFormats, r.top - first.top, r.left - first.left);
      }
    },
  };
}

function chartUnit(sheet: () => Excel.Worksheet, spec: ChartSpec, caps: Capabilities): Unit {
  return {
    bytes: ACTION_BYTES * (12 + spec.series.length * 5),
    queue() {
      const ws = sheet();
      const first = spec.series[0];
      // Below ExcelApi 1.7 series cannot be set one by one: the chart takes the block of
      // categories and values (adjacent in the models) and Excel finds the series.
      const box = [spec.categories, ...spec.series.map((s) => s.values)].reduce((a, b) => ({
        top: Math.min(a.top, b.top),
        left: Math.min(a.left, b.left),
        bottom: Math.max(a.bottom, b.bottom),
        right: Math.max(a.right, b.right),
      }));
      const source = caps.chartSeries ? (first?.values ?? spec.categories) : box;
      const chart = ws.charts.add('BarClustered', ws.getRange(rangeAddress(source)), 'Columns');
      chart.title.text = spec.title;
      chart.setPosition(rangeAddress({ ...spec.anchor, bottom: spec.anchor.top, right: spec.anchor.left }), rangeAddress({ ...spec.anchor, top: spec.anchor.bottom, left: spec.anchor.right }));
      chart.axes.valueAxis.minimum = spec.axis.min;
      chart.axes.valueAxis.maximum = spec.axis.max;
      chart.legend.visible = spec.series.length > 1;
      if (spec.topDown && caps.chartSeries) {
        // First category at the top, the value axis still below the bars (position: ExcelApi 1.8).
        chart.axes.categoryAxis.reversePlotOrder = true;
        if (caps.dataValidation) chart.axes.categoryAxis.position = 'Maximum';
      }
      if (!caps.chartSeries) {
        spec.series.forEach((s, i) => chart.series.getItemAt(i).format.fill.setSolidColor(hex(s.color)));
        return;
      }
      spec.series.forEach((s, i) => {
        const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
        series.name = s.name;
        series.setValues(ws.getRange(rangeAddress(s.values)));
        series.setXAxisValues(ws.getRange(rangeAddress(spec.categories)));
        series.format.fill.setSolidColor(hex(s.color));
      });
    },
  };
}

/** Every unit drawing `model` onto the (new) sheet `sheet()`. */
function drawUnits(sheet: () => Excel.Worksheet, model: SheetModel, caps: Capabilities): Unit[] {
  const units: Unit[] = [];
  const layout: Unit = {
    bytes: ACTION_BYTES * (model.columnWidths.length + Object.keys(model.rowHeights).length + 12),
    queue() {
      const ws = sheet();
      model.columnWidths.forEach((w, i) => {
        ws.getRange(`${columnLetter(i + 1)}:${columnLetter(i + 1)}`).format.columnWidth = widthPoints(w);
      });
      for (const [row, h] of Object.entries(model.rowHeights)) ws.getRange(`${row}:${row}`).format.rowHeight = h;
      if (model.tabColor && caps.tabColor) ws.tabColor = hex(model.tabColor);
      if (caps.showGridlines) ws.showGridlines = model.showGridLines;
    },
  };
  units.push(layout);
  units.push(...valueUnits(sheet, model));
  // Styles: one group of rectangles per style name.
  const byStyle = new Map<string, { row: number; col: number }[]>();
  for (const c of model.cells) if (c.style) pushTo(byStyle, c.style, { row: c.row, col: c.col });
  for (const [name, cells] of [...byStyle].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const style = model.styles[name];
    if (style) units.push(...styleUnits(sheet, cellsToAreas(cells), { ...style, numberFormat: undefined }, caps));
  }
  // Links (ExcelApi 1.7) and merges.
  const links = model.cells.filter((c) => c.link);
  if (links.length) {
    units.push({
      bytes: ACTION_BYTES * links.length * 2,
      queue() {
        if (!caps.hyperlinks) return;
        for (const c of links) {
          sheet().getRange(rangeAddress({ top: c.row, left: c.col, bottom: c.row, right: c.col })).hyperlink = {
            documentReference: `${quoteSheet(c.link!.sheet)}!${c.link!.cell}`,
            textToDisplay: typeof c.value === 'string' ? c.value : String(c.value ?? ''),
            screenTip: `Ir a ${c.link!.sheet}!${c.link!.cell}`,
          };
        }
      },
    });
  }
  if (model.merges.length) {
    units.push({
      bytes: ACTION_BYTES * model.merges.length,
      queue() {
        for (const m of model.merges) sheet().getRange(rangeAddress(m)).merge(false);
      },
    });
  }
  for (const cf of model.conditionalFormats) if (cf.ranges.length) units.push(conditionalUnit(sheet, cf, caps));
  // Frozen panes (1.7) and print setup (1.9).
  units.push({
    bytes: ACTION_BYTES * 14,
    queue() {
      const ws = sheet();
      const f = model.freeze;
      if (f && caps.freezePanes && (f.rows > 0 || f.cols > 0)) {
        if (f.cols === 0) ws.freezePanes.freezeRows(f.rows);
        else if (f.rows === 0) ws.freezePanes.freezeColumns(f.cols);
        else ws.freezePanes.freezeAt(ws.getRange(rangeAddress({ top: 1, left: 1, bottom: f.rows, right: f.cols })));
      }
      if (caps.pageLayout) {
        const p = model.print;
        const pl = ws.pageLayout;
        pl.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
        pl.paperSize = 'A4';
        pl.zoom = { horizontalFitToPages: p.fitToWidth, verticalFitToPages: p.fitToHeight };
        pl.leftMargin = p.margins.left * 72;
        pl.rightMargin = p.margins.right * 72;
        pl.topMargin = p.margins.top * 72;
        pl.bottomMargin = p.margins.bottom * 72;
        pl.headerMargin = p.margins.header * 72;
        pl.footerMargin = p.margins.footer * 72;
        if (p.centerHorizontally) pl.centerHorizontally = true;
        if (p.repeatRows) pl.setPrintTitleRows(`$${p.repeatRows.from}:$${p.repeatRows.to}`);
        if (p.area) pl.setPrintArea(rangeAddress(p.area));
        if (p.footer) pl.headersFooters.defaultForAllPages.centerFooter = p.footer;
      }
    },
  });
  for (const chart of model.charts) units.push(chartUnit(sheet, chart, caps));
  return units;
}

interface Planned {
  readonly model: SheetModel;
  readonly name: string;
  readonly replace: boolean;
  readonly temp: string;
  readonly marker: string;
  readonly oldMarkers: readonly string[];
  sheet?: Excel.Worksheet;
}

/**
 * Writes the models: replaces the product's own sheets of the same kind (never a person's: a free
 * name is taken), records them in the registry, puts them first and activates the first.
 */
export async function renderSheetsIn(ctx: Excel.RequestContext, models: readonly SheetModel[], opts: RenderOptions): Promise<RenderedSheet[]> {
  const worksheets = ctx.workbook.worksheets;
  worksheets.load('items/name');
  const lookup = queueRegistryLookup(ctx);
  await ctx.sync();
  const reg0: Registry = await loadRegistry(ctx, lookup, opts.budget);
  let reg: Registry = reg0;
  const names: NamedSheetRef[] = namesOf(lookup);
  const sheetNames = worksheets.items.map((w) => w.name);
  const stale = sheetNames.filter((n) => n.startsWith(TEMP_PREFIX) || n.startsWith(OLD_PREFIX));

  const planned: Planned[] = [];
  let existing = sheetNames
    .filter((n) => n !== REGISTRY_SHEET && !stale.includes(n))
    .map((name) => ({ name, productKind: productKindOf(name, names, reg) }));
  const markerNames = [...names];
  models.forEach((model, i) => {
    const place = placeGeneratedSheet(model.name, model.kind, existing);
    const oldMarkers = place.replace ? names.filter((n) => n.sheet === place.name && reg.entries.some((e) => e.type === 'hoja' && e.ref === n.name)).map((n) => n.name) : [];
    const marker = nextSheetMarker(markerNames, reg);
    markerNames.push({ name: marker, sheet: place.name });
    reg = {
      entries: [
        ...reg.entries.filter((e) => !(e.type === 'hoja' && oldMarkers.includes(e.ref))),
        { type: 'hoja', sheet: place.name, ref: marker, kind: model.kind, generatedAt: opts.generatedAt, ...(model.origins ? { origins: model.origins } : {}) } satisfies GeneratedEntry,
      ],
    };
    planned.push({ model, name: place.name, replace: place.replace, temp: `${TEMP_PREFIX}${i + 1}`, marker, oldMarkers });
    existing = [...existing.filter((e) => e.name !== place.name), { name: place.name, productKind: model.kind }];
  });

  const units: Unit[] = [];
  if (stale.length) units.push({ bytes: ACTION_BYTES * stale.length, queue: (c) => stale.forEach((n) => c.workbook.worksheets.getItem(n).delete()) });
  for (const p of planned) {
    units.push({
      bytes: ACTION_BYTES,
      queue(c) {
        p.sheet = c.workbook.worksheets.add(p.temp);
      },
    });
    units.push(...drawUnits(() => p.sheet!, p.model, opts.caps));
  }
  units.push(...registryWriteUnits(lookup, reg));
  try {
    await runUnits(ctx, units, { budget: opts.budget, progress: opts.progress, progressLabel: 'Generando hojas', cancel: opts.cancel });
  } catch (e) {
    await dropTemps(ctx);
    throw toExcelHostError(e, { action: 'generar las hojas', rolledBack: true });
  }

  // The swap: renames first, destructive steps (old markers, old sheets) last.
  try {
    for (const [i, p] of planned.entries()) {
      if (p.replace) ctx.workbook.worksheets.getItem(p.name).name = `${OLD_PREFIX}${i + 1}`;
      const ws = ctx.workbook.worksheets.getItem(p.temp);
      ws.name = p.name;
      ws.position = i;
      ctx.workbook.names.add(p.marker, ws.getRange('A1'));
    }
    queueRegistrySwap(ctx, lookup, reg);
    if (planned.length) ctx.workbook.worksheets.getItem(planned[0].name).activate();
    for (const [i, p] of planned.entries()) {
      for (const m of p.oldMarkers) ctx.workbook.names.getItem(m).delete();
      if (p.replace) ctx.workbook.worksheets.getItem(`${OLD_PREFIX}${i + 1}`).delete();
    }
    await ctx.sync();
  } catch (e) {
    const undone = await undoSwap(ctx, planned, reg0, opts.budget);
    throw toExcelHostError(e, { action: 'generar las hojas', rolledBack: undone });
  }
  return planned.map((p) => ({ kind: p.model.kind, name: p.name, replaced: p.replace }));
}

/**
 * Undoes a swap that failed half-way: new sheets and markers removed, old sheets renamed back,
 * the registry as it was. Returns false when even that failed.
 */
async function undoSwap(ctx: Excel.RequestContext, planned: readonly Planned[], reg0: Registry, budget: number): Promise<boolean> {
  try {
    const ws = ctx.workbook.worksheets;
    ws.load('items/name');
    const lookup = queueRegistryLookup(ctx);
    await ctx.sync();
    const have = new Set(ws.items.map((w) => w.name));
    const names = new Set(lookup.names.items.map((n) => n.name));
    for (const [i, p] of planned.entries()) {
      const old = `${OLD_PREFIX}${i + 1}`;
      if (names.has(p.marker)) ctx.workbook.names.getItem(p.marker).delete();
      if (have.has(p.temp)) ctx.workbook.worksheets.getItem(p.temp).delete();
      else if (have.has(p.name) && (have.has(old) || !p.replace)) ctx.workbook.worksheets.getItem(p.name).delete();
      if (have.has(old)) {
        const back = ctx.workbook.worksheets.getItem(old);
        back.name = p.name;
        for (const m of p.oldMarkers) if (!names.has(m)) ctx.workbook.names.add(m, back.getRange('A1'));
      }
    }
    await ctx.sync();
    const relook = queueRegistryLookup(ctx);
    await ctx.sync();
    await runUnits(ctx, registryWriteUnits(relook, reg0), { budget });
    queueRegistrySwap(ctx, relook, reg0);
    await ctx.sync();
    return true;
  } catch {
    return false;
  }
}

/** Removes temporary sheets of a failed generation (best effort, one sync). */
async function dropTemps(ctx: Excel.RequestContext): Promise<void> {
  try {
    const ws = ctx.workbook.worksheets;
    ws.load('items/name');
    await ctx.sync();
    for (const w of ws.items) {
      if (w.name === REGISTRY_TEMP) deleteVeryHidden(w);
      else if (w.name.startsWith(TEMP_PREFIX)) w.delete();
    }
    await ctx.sync();
  } catch {
    // Left for the next generation, which removes stale temporary sheets first.
  }
}

