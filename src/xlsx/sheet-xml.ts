/**
 * A generated sheet (`SheetModel`) written straight to worksheet XML, row by row, for the
 * package-level copy of a LARGE workbook (`large-copy/`). The exceljs renderer (`render.ts`)
 * holds about 1 KB per cell; at 200,000 goals the Tablero, Alertas and Observaciones have 2.4
 * million cells, so here nothing but the output is kept: the XML is produced one row at a time
 * and deflated as it goes.
 *
 * It writes what `render.ts` writes, in the same form exceljs does — values (text always as an
 * inline string, never a formula; text from a person's workbook with the Text format `@`), named
 * styles, merged areas (covered cells take the top-left cell's style), widths, heights, frozen
 * panes, tab colour, conditional formats (expression rules with a `dxf`; data bars with their
 * Excel 2010 extension), internal links, print setup, footer and page breaks — so a copy made
 * either way looks the same in Excel (`test/files/large-copy.test.ts` compares them cell by cell).
 * The print area and titles are defined names: the caller writes them.
 */
import { randomUUID } from 'node:crypto';
import type { CellStyle, ConditionalFormat, ModelCell, SheetModel } from '../sheets/model';
import { quoteSheet, rangeAddress } from '../domain/grid';
import { cellAddress, type CellRange } from '../domain/grid';
import { escapeXml } from './ooxml';
import { toExcelSerial } from '../domain/dates';

const argb = (rgb: string) => `FF${rgb.toUpperCase()}`;

/** Excel's built-in number formats the product uses (read back by id). */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };

/** XML 1.0 forbids most control characters: they are written as Excel's `_xHHHH_` escapes. */
function xmlText(s: string): string {
  return escapeXml(s.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`));
}

/** The styles of the generated sheets, shared by them: fonts, fills, borders, formats, cell formats, dxfs. */
export class GeneratedStyles {
  private readonly fonts: string[] = ['<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>'];
  private readonly fills: string[] = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private readonly borders: string[] = ['<border><left/><right/><top/><bottom/><diagonal/></border>'];
  private readonly numFmts = new Map<string, number>();
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly dxfs: string[] = [];
  private readonly xfByKey = new Map<string, number>();

  private static index(list: string[], xml: string): number {
    const at = list.indexOf(xml);
    if (at >= 0) return at;
    list.push(xml);
    return list.length - 1;
  }

  private numFmtId(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let id = this.numFmts.get(code);
    if (id === undefined) {
      id = 164 + this.numFmts.size;
      this.numFmts.set(code, id);
    }
    return id;
  }

  /** The cell format of a named style (`text`: with the Text format `@`). */
  xf(style: CellStyle | undefined, text: boolean): number {
    const key = `${text ? 'T' : ''}${style ? JSON.stringify(style) : ''}`;
    const hit = this.xfByKey.get(key);
    if (hit !== undefined) return hit;
    const s = style ?? {};
    const attrs: string[] = [];
    const fmt = text ? '@' : s.numberFormat;
    const numFmtId = fmt ? this.numFmtId(fmt) : 0;
    let fontId = 0;
    if (s.font) {
      const f = s.font;
      const font = `<font>${f.bold ? '<b/>' : ''}${f.italic ? '<i/>' : ''}${f.underline ? '<u/>' : ''}${f.color ? `<color rgb="${argb(f.color)}"/>` : ''}<sz val="${f.size ?? 10}"/><name val="Calibri"/></font>`;
      fontId = GeneratedStyles.index(this.fonts, font);
    }
    const fillId = s.fill ? GeneratedStyles.index(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="${argb(s.fill)}"/></patternFill></fill>`) : 0;
    let borderId = 0;
    if (s.border) {
      const side = (name: 'left' | 'right' | 'top' | 'bottom') => {
        const b = s.border?.[name];
        return b ? `<${name} style="${b.weight}"><color rgb="${argb(b.color)}"/></${name}>` : `<${name}/>`;
      };
      borderId = GeneratedStyles.index(this.borders, `<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>`);
    }
    const al: string[] = [];
    if (s.horizontal) al.push(`horizontal="${s.horizontal}"`);
    if (s.vertical) al.push(`vertical="${s.vertical === 'middle' ? 'center' : s.vertical}"`);
    if (s.wrap) al.push('wrapText="1"');
    if (s.indent) al.push(`indent="${s.indent}"`);
    if (numFmtId) attrs.push('applyNumberFormat="1"');
    if (fontId) attrs.push('applyFont="1"');
    if (fillId) attrs.push('applyFill="1"');
    if (borderId) attrs.push('applyBorder="1"');
    if (al.length) attrs.push('applyAlignment="1"');
    const head = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${attrs.map((a) => ` ${a}`).join('')}`;
    const xml = al.length ? `${head}><alignment ${al.join(' ')}/></xf>` : `${head}/>`;
    const id = GeneratedStyles.index(this.xfs, xml);
    this.xfByKey.set(key, id);
    return id;
  }

  /** The differential format of an expression rule (fill and font colour). */
  dxf(cf: Extract<ConditionalFormat, { kind: 'expression' }>): number {
    const font = cf.fontColor ? `<font><color rgb="${argb(cf.fontColor)}"/></font>` : '';
    const fill = cf.fill ? `<fill><patternFill patternType="solid"><bgColor rgb="${argb(cf.fill)}"/></patternFill></fill>` : '';
    this.dxfs.push(`<dxf>${font}${fill}</dxf>`);
    return this.dxfs.length - 1;
  }

  /** A styles part holding these styles (merged into the workbook's by `mergeStyles`). */
  toXml(): string {
    const list = (name: string, items: string[]) => `<${name} count="${items.length}">${items.join('')}</${name}>`;
    const fmts = [...this.numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (fmts.length ? list('numFmts', fmts) : '') +
      list('fonts', this.fonts) +
      list('fills', this.fills) +
      list('borders', this.borders) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list('cellXfs', this.xfs) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      list('dxfs', this.dxfs) +
      '</styleSheet>'
    );
  }
}

export interface SheetXmlOptions {
  readonly styles: GeneratedStyles;
  /** Index offsets of these styles in the workbook's styles part: the original's counts (see `mergeStyles`). */
  readonly xfOffset: number;
  readonly dxfOffset: number;
  /** The tab is selected (the first generated sheet). */
  readonly selected: boolean;
  /** The workbook uses the 1904 date system (`<workbookPr date1904="1"/>`). */
  readonly date1904?: boolean;
}

interface Link {
  readonly ref: string;
  readonly id: string;
  readonly target: string;
  readonly tooltip: string;
}

/**
 * One generated sheet as worksheet XML. `xml()` yields the part in pieces of about a row, taking
 * its styles from `options.styles` as it goes (write the styles part after every sheet); `rels`
 * is complete once `xml()` has been consumed.
 */
export class SheetXml {
  private readonly cellXf = new Map<string, number>();
  private readonly links: Link[] = [];

  constructor(private readonly model: SheetModel) {}

  private styleOf(c: ModelCell, styles: GeneratedStyles): number {
    const key = `${c.text ? 'T' : ''}${c.style ?? ''}`;
    let id = this.cellXf.get(key);
    if (id === undefined) {
      id = styles.xf(c.style ? this.model.styles[c.style] : undefined, c.text === true);
      this.cellXf.set(key, id);
    }
    return id;
  }

  private cellXml(c: ModelCell, s: number, date1904: boolean): string {
    const r = cellAddress(c.row, c.col);
    const sAttr = s ? ` s="${s}"` : '';
    const v = c.value;
    if (v === null) return `<c r="${r}"${sAttr}/>`;
    if (c.link && typeof v === 'string') {
      const target = `${quoteSheet(c.link.sheet)}!${c.link.cell}`;
      this.links.push({ ref: r, id: `rId${this.links.length + 1}`, target, tooltip: `Ir a ${c.link.sheet}!${c.link.cell}` });
    }
    // A 1904-system workbook (older Mac Excel) counts days 1,462 fewer: a 1900 serial there showed 4 years and a day late.
    if (c.date && typeof v === 'string') return `<c r="${r}"${sAttr}><v>${toExcelSerial(v) - (date1904 ? 1_462 : 0)}</v></c>`;
    if (c.error && typeof v === 'string') return `<c r="${r}"${sAttr} t="e"><v>${xmlText(v)}</v></c>`;
    if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${r}"${sAttr}><v>${v}</v></c>` : `<c r="${r}"${sAttr} t="e"><v>#NUM!</v></c>`;
    if (typeof v === 'boolean') return `<c r="${r}"${sAttr} t="b"><v>${v ? 1 : 0}</v></c>`;
    const space = /^\s|\s$|\n/.test(v) ? ' xml:space="preserve"' : '';
    return `<c r="${r}"${sAttr} t="inlineStr"><is><t${space}>${xmlText(v)}</t></is></c>`;
  }

  *xml(o: SheetXmlOptions): Generator<string> {
    const m = this.model;
    const p = m.print;
    const maxRow = m.cells.reduce((n, c) => Math.max(n, c.row), 1);
    const maxCol = Math.max(m.columnWidths.length, m.cells.reduce((n, c) => Math.max(n, c.col), 1));

    let head =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';
    head += `<sheetPr>${m.tabColor ? `<tabColor rgb="${argb(m.tabColor)}"/>` : ''}<pageSetUpPr fitToPage="1"/></sheetPr>`;
    head += `<dimension ref="A1:${cellAddress(maxRow, maxCol)}"/>`;
    const view = `workbookViewId="0"${o.selected ? ' tabSelected="1"' : ''}${m.showGridLines ? '' : ' showGridLines="0"'} zoomScale="100"`;
    const f = m.freeze;
    if (f && (f.rows > 0 || f.cols > 0)) {
      const pane = f.rows > 0 && f.cols > 0 ? 'bottomRight' : f.rows > 0 ? 'bottomLeft' : 'topRight';
      const split = `${f.cols > 0 ? ` xSplit="${f.cols}"` : ''}${f.rows > 0 ? ` ySplit="${f.rows}"` : ''}`;
      head += `<sheetViews><sheetView ${view}><pane${split} topLeftCell="${cellAddress(f.rows + 1, f.cols + 1)}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/></sheetView></sheetViews>`;
    } else head += `<sheetViews><sheetView ${view}/></sheetViews>`;
    head += '<sheetFormatPr defaultRowHeight="15"/>';
    if (m.columnWidths.length) {
      const cols: string[] = [];
      for (let i = 0; i < m.columnWidths.length; ) {
        let j = i;
        while (j + 1 < m.columnWidths.length && m.columnWidths[j + 1] === m.columnWidths[i]) j++;
        cols.push(`<col min="${i + 1}" max="${j + 1}" width="${m.columnWidths[i]}" customWidth="1"/>`);
        i = j + 1;
      }
      head += `<cols>${cols.join('')}</cols>`;
    }
    yield `${head}<sheetData>`;

    // Cells covered by a merge take the style of the merge's top-left cell (as exceljs writes them).
    const mergeAt = new Map<string, CellRange>(m.merges.map((r) => [`${r.top}:${r.left}`, r]));
    const covered = new Map<number, [number, number][]>();
    const skip = new Set<string>();
    for (const c of m.cells) {
      const g = mergeAt.get(`${c.row}:${c.col}`);
      if (!g) continue;
      const s = this.styleOf(c, o.styles);
      for (let r = g.top; r <= g.bottom; r++) {
        for (let col = g.left; col <= g.right; col++) {
          if (r === g.top && col === g.left) continue;
          skip.add(`${r}:${col}`);
          const list = covered.get(r) ?? [];
          list.push([col, s]);
          covered.set(r, list);
        }
      }
    }
    const byRow = new Map<number, ModelCell[]>();
    for (const c of m.cells) {
      if (skip.has(`${c.row}:${c.col}`)) continue;
      const list = byRow.get(c.row);
      if (list) list.push(c);
      else byRow.set(c.row, [c]);
    }
    const rows = [...new Set([...byRow.keys(), ...covered.keys(), ...Object.keys(m.rowHeights).map(Number)])].sort((a, b) => a - b);
    for (const r of rows) {
      const h = m.rowHeights[r];
      const parts: [number, string][] = (byRow.get(r) ?? []).map((c) => {
        const s = this.styleOf(c, o.styles);
        return [c.col, this.cellXml(c, s ? s + o.xfOffset : 0, o.date1904 === true)];
      });
      for (const [col, s] of covered.get(r) ?? []) parts.push([col, `<c r="${cellAddress(r, col)}"${s ? ` s="${s + o.xfOffset}"` : ''}/>`]);
      parts.sort((a, b) => a[0] - b[0]);
      yield `<row r="${r}"${h !== undefined ? ` ht="${h}" customHeight="1"` : ''}>${parts.map((x) => x[1]).join('')}</row>`;
    }

    let tail = '</sheetData>';
    if (m.merges.length) tail += `<mergeCells count="${m.merges.length}">${m.merges.map((g) => `<mergeCell ref="${rangeAddress(g)}"/>`).join('')}</mergeCells>`;
    yield tail;
    const ext: string[] = [];
    const cfs: string[] = [];
    m.conditionalFormats.forEach((cf, i) => {
      const sqref = cf.ranges.map(rangeAddress).join(' ');
      if (cf.kind === 'expression') {
        cfs.push(`<conditionalFormatting sqref="${sqref}"><cfRule type="expression" dxfId="${o.styles.dxf(cf) + o.dxfOffset}" priority="${i + 1}"><formula>${xmlText(cf.formula)}</formula></cfRule></conditionalFormatting>`);
      } else {
        const id = `{${randomUUID().toUpperCase()}}`;
        cfs.push(
          `<conditionalFormatting sqref="${sqref}"><cfRule type="dataBar" priority="${i + 1}"><dataBar><cfvo type="num" val="${cf.min}"/><cfvo type="num" val="${cf.max}"/><color rgb="${argb(cf.color)}"/></dataBar>` +
            `<extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:id>${id}</x14:id></ext></extLst></cfRule></conditionalFormatting>`,
        );
        ext.push(
          `<x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="dataBar" id="${id}"><x14:dataBar minLength="0" maxLength="100" gradient="0">` +
            `<x14:cfvo type="num"><xm:f>${cf.min}</xm:f></x14:cfvo><x14:cfvo type="num"><xm:f>${cf.max}</xm:f></x14:cfvo></x14:dataBar></x14:cfRule><xm:sqref>${sqref}</xm:sqref></x14:conditionalFormatting>`,
        );
      }
    });
    yield cfs.join('');
    if (this.links.length) {
      yield `<hyperlinks>${this.links.map((l) => `<hyperlink ref="${l.ref}" r:id="${l.id}" tooltip="${xmlText(l.tooltip)}" location="${xmlText(l.target)}"/>`).join('')}</hyperlinks>`;
    }
    let end = '';
    if (p.centerHorizontally) end += '<printOptions horizontalCentered="1"/>';
    const mg = p.margins;
    end += `<pageMargins left="${mg.left}" right="${mg.right}" top="${mg.top}" bottom="${mg.bottom}" header="${mg.header}" footer="${mg.footer}"/>`;
    end += `<pageSetup paperSize="9" orientation="${p.orientation}" fitToWidth="${p.fitToWidth}" fitToHeight="${p.fitToHeight}"/>`;
    if (p.footer) end += `<headerFooter><oddFooter>${xmlText(`&C&8${p.footer}`)}</oddFooter><evenFooter>${xmlText(`&C&8${p.footer}`)}</evenFooter></headerFooter>`;
    const breaks = [...m.pageBreaks].sort((a, b) => a - b);
    if (breaks.length) end += `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`).join('')}</rowBreaks>`;
    if (ext.length) {
      end += `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings>${ext.join('')}</x14:conditionalFormattings></ext></extLst>`;
    }
    yield `${end}</worksheet>`;
  }

  /** The sheet's relationships (its links), once `xml()` has run; null when it has none. */
  relsXml(): string | null {
    if (this.links.length === 0) return null;
    const rels = this.links.map(
      (l) => `<Relationship Id="${l.id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${xmlText(l.target)}" TargetMode="External"/>`,
    );
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
  }
}
