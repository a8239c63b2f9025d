/** «1 error», «1.234 errores» (es-CO digits). */
export function plural(n: number, [one, many]: readonly [string, string]): string {
  return `${n.toLocaleString('es-CO')} ${n === 1 ? one : many}`;
}
