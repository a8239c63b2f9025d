/**
 * Pasto's PE-F-012 plan de acción (workbooks.md "Columns"), read by the general header matcher:
 * this description only names it when a plan de acción shows its activity, dates and amount.
 */
import type { FormatDescription } from './types';

export const format: FormatDescription = {
  id: 'pe-f-012',
  name: 'Plan de acción, formato PE-F-012',
  kind: 'plan-accion',
  signature: [],
  required: [],
  columns: [],
};
