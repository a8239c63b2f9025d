/**
 * Bogotá's plan de gestión (PLE-PIN-F017/F018), read by the general header matcher as a capture
 * sheet: this description only names it when the unit column is `Proceso` or `Alcaldía local`
 * and the goals carry `Tipo de programación` or `Magnitud`.
 */
import type { FormatDescription } from './types';

export const format: FormatDescription = {
  id: 'bogota-plan-gestion',
  name: 'Plan de gestión de Bogotá (PLE-PIN-F017/F018)',
  kind: 'hoja-captura',
  signature: [],
  required: [],
  columns: [],
};
