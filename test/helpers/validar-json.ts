/**
 * One finding of `tablero validar --json` as the tests read it: the shape product.md documents
 * («JSON output»), every key as the command writes it.
 */
export interface JsonFinding {
  readonly rule: string;
  readonly severity: 'error' | 'warning';
  readonly sheet: string;
  readonly cell: string;
  readonly row: number;
  readonly goal?: string;
  readonly message: string;
}
