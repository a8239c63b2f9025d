/** Wires the adapter to a double (tests and bench). Browser-safe. */
import { createExcelHost, type ExcelHostOptions, type ExcelRuntime, type OfficeRuntime, type ExcelWorkbookHost } from '../../src/excel/host';
import { ExcelDouble, type DoubleOptions } from './index';

/** The double's `Excel` as the adapter's runtime type (the only cast between the two). */
export function excelOf(xl: ExcelDouble): ExcelRuntime {
  return xl.Excel as unknown as ExcelRuntime;
}

export function officeOf(xl: ExcelDouble): OfficeRuntime {
  return xl.Office as unknown as OfficeRuntime;
}

export function hostOn(xl: ExcelDouble, opts: Omit<ExcelHostOptions, 'excel' | 'office'> = {}): ExcelWorkbookHost {
  return createExcelHost({ excel: excelOf(xl), office: officeOf(xl), ...opts });
}

export function doubleWith(opts: DoubleOptions = {}): ExcelDouble {
  return new ExcelDouble(opts);
}
