/** The office-js adapter: the only code that calls `Excel.run`. */
export { ExcelWorkbookHost, createExcelHost, SETTINGS_KEY, type ExcelHostOptions, type ExcelRuntime, type OfficeRuntime } from './host';
export { ExcelHostError, toExcelHostError, messages as excelMessages, type ExcelErrorKind } from './errors';
export { detectCapabilities, limitationsOf, allCapabilities, type Capabilities } from './capabilities';
export type { MarkOutcome } from './marks';
export type { RenderedSheet } from './render';
