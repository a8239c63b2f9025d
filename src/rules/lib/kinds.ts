/** Spanish names of the enumerations and of where a sheet kind's data is, for messages. */
import type { SheetKind } from '../../domain/fields';

export { accumulationNames } from '../../domain/goal';

/** "en el plan de acción", "en la hoja de captura", "en los techos presupuestales". */
export const kindIn: Record<SheetKind, string> = {
  'plan-accion': 'en el plan de acción',
  'hoja-captura': 'en la hoja de captura',
  techos: 'en los techos presupuestales',
  'plan-indicativo': 'en el plan indicativo',
};
