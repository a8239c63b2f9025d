/**
 * What this Excel can do, detected once with `Office.context.requirements.isSetSupported`.
 *
 * The manifest asks for ExcelApi 1.6 (see manifest.xml): values, number formats and conditional
 * formats — the core (read, validate, mark) — work from there. Everything newer is optional and
 * degrades with a Spanish note the pane shows once (`limitations`), never an exception:
 *
 * | feature                         | set  | without it                                            |
 * |---------------------------------|------|-------------------------------------------------------|
 * | `freezePanes`, `workbook.name`, chart series | 1.7 | no frozen header / "Libro" / default series |
 * | `worksheet.tabColor`, `range.hyperlink` | 1.7 | no tab colour / no links                          |
 * | data validation (drop-down lists) | 1.8 | templates without drop-down lists                 |
 * | `worksheet.showGridlines`       | 1.8  | gridlines stay as they are                            |
 * | `worksheet.getRanges` (multi-area), page layout | 1.9 | one range per area (more requests) / no print setup |
 * | `Excel.run({ delayForCellEdit })` | 1.11* | cell-edit mode fails fast with a clear message      |
 * | `getMergedAreasOrNullObject`    | 1.13 | merged areas not read (values of merged cells still are) |
 * | notes (`worksheet.notes`)       | 1.18 | cells are coloured but get no note                    |
 *
 * `isSetSupported` answers for the HOST, not for the office.js the page loaded: Microsoft 365 says
 * yes to 1.18 while the npm @microsoft/office-js 1.1.110 copy has no `NoteCollection`, and then
 * `worksheet.notes` is undefined. So notes also require the class in the loaded script.
 *
 * \* The reference names no requirement set for `delayForCellEdit`; 1.11 is an assumption to confirm
 * in real Excel (test/excel-double/CATALOG.md row 8, test/manual/README.md step 9.5).
 */

/** Requirement sets the adapter checks. */
export interface Capabilities {
  readonly freezePanes: boolean; // 1.7
  readonly workbookName: boolean; // 1.7
  readonly chartSeries: boolean; // 1.7
  readonly tabColor: boolean; // 1.7
  readonly hyperlinks: boolean; // 1.7
  readonly dataValidation: boolean; // 1.8
  readonly showGridlines: boolean; // 1.8
  readonly multiAreaRanges: boolean; // 1.9
  readonly pageLayout: boolean; // 1.9
  readonly delayForCellEdit: boolean; // 1.11
  readonly mergedAreas: boolean; // 1.13
  readonly notes: boolean; // 1.18
}

export type IsSetSupported = (name: string, version: string) => boolean;

/** Does the loaded office.js define this class on the `Excel` namespace? */
export type ScriptHas = (className: string) => boolean;

/** `Excel.<className>` exists in the runtime the page loaded (the real office.js or a double). */
export function scriptHasIn(excel: unknown): ScriptHas {
  return (className) => typeof excel === 'object' && excel !== null && typeof (excel as Record<string, unknown>)[className] === 'function';
}

/** Capabilities from a requirement-set check (the real one, or a test's) and the loaded script. */
export function detectCapabilities(isSetSupported: IsSetSupported, scriptHas: ScriptHas = () => true): Capabilities {
  const at = (v: string) => {
    try {
      return isSetSupported('ExcelApi', v) === true;
    } catch {
      return false;
    }
  };
  return {
    freezePanes: at('1.7'),
    workbookName: at('1.7'),
    chartSeries: at('1.7'),
    tabColor: at('1.7'),
    hyperlinks: at('1.7'),
    dataValidation: at('1.8'),
    showGridlines: at('1.8'),
    multiAreaRanges: at('1.9'),
    pageLayout: at('1.9'),
    delayForCellEdit: at('1.11'),
    mergedAreas: at('1.13'),
    notes: at('1.18') && scriptHas('NoteCollection'),
  };
}

/** Every feature on (tests, and hosts known to be current). */
export const allCapabilities: Capabilities = detectCapabilities(() => true);

/** `Office.context.requirements.isSetSupported`, or "nothing beyond the manifest's minimum" outside Office. */
export function officeIsSetSupported(): IsSetSupported {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const req = office?.context?.requirements;
  if (req && typeof req.isSetSupported === 'function') return (name, version) => req.isSetSupported(name, version);
  return () => false;
}

/** The Spanish notes the pane shows once about what this Excel cannot do. */
export function limitationsOf(c: Capabilities): string[] {
  const out: string[] = [];
  if (!c.notes) out.push('Esta versión de Excel (o del office.js cargado) no admite notas desde complementos (ExcelApi 1.18): las celdas se colorean, pero el mensaje solo aparece en el panel.');
  if (!c.mergedAreas) out.push('Esta versión de Excel no informa las celdas combinadas (ExcelApi 1.13): las filas combinadas se leen celda por celda.');
  if (!c.dataValidation) out.push('Esta versión de Excel no admite listas desplegables desde complementos (ExcelApi 1.8): las plantillas se insertan sin listas.');
  if (!c.delayForCellEdit) out.push('Esta versión de Excel no espera a que termine la edición de una celda: presione Entrar o Esc antes de usar el panel.');
  if (!c.freezePanes) out.push('Esta versión de Excel no permite inmovilizar paneles desde complementos (ExcelApi 1.7): el encabezado no queda fijo.');
  return out;
}
