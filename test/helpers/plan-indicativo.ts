/** A small SisPT-style plan indicativo sheet for the rules' tables (headers as SisPT exports them). */
import type { CellInput, SheetSpec } from './xlsx';

export const indicativoHeaders = [
  'Código de indicador de producto (SisPT)',
  'Personalización de Indicador de Producto',
  'Meta del cuatrienio',
  'Tipo de acumulación',
  'Programación del producto bien o servicio 2024',
  'Programación del producto bien o servicio 2025',
  'Programación del producto bien o servicio 2026',
  'Programación del producto bien o servicio 2027',
  'Recursos propios 2024',
  'SGP salud 2024',
  'Total 2024',
  'Recursos propios 2025',
  'SGP salud 2025',
  'Total 2025',
];

/** Columns: A code, B goal, C meta, D tipo, E–H 2024–2027, I–K 2024 sources and total, L–N 2025. */
export function indicativoSheet(rows: CellInput[][]): SheetSpec {
  return { name: 'Plan indicativo - Productos', rows: [['PARTE ESTRATÉGICA'], indicativoHeaders, ...rows] };
}
