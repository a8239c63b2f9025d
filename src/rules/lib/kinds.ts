/** Spanish names of the sheet kinds and the enumerations, for messages. */
import type { SheetKind } from '../../domain/fields';

export const kindNames: Record<SheetKind, string> = {
  'plan-accion': 'plan de acción',
  'hoja-captura': 'hoja de captura',
  techos: 'techos presupuestales',
  'plan-indicativo': 'plan indicativo',
};

export const accumulationNames: Record<string, string> = {
  suma: 'Suma',
  creciente: 'Creciente',
  constante: 'Constante',
  decreciente: 'Decreciente',
};

/** "en el plan de acción", "en la hoja de captura", "en los techos presupuestales". */
export const kindIn: Record<SheetKind, string> = {
  'plan-accion': 'en el plan de acción',
  'hoja-captura': 'en la hoja de captura',
  techos: 'en los techos presupuestales',
  'plan-indicativo': 'en el plan indicativo',
};
