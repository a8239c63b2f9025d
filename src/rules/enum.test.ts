import { ruleTable } from '../../test/helpers/rule-table';
import { captureCell, captureSheet, planCell, planSheet } from '../../test/helpers/sheets';

ruleTable('enum', {
  valid: [
    { name: 'canonical values', sheets: [planSheet([{}])] },
    {
      name: 'usual spellings and acronyms',
      sheets: [planSheet([{ goalType: 'GESTION', accumulation: 'Stock', source: 'SGP - Salud', needsContract: 'No' }])],
    },
    {
      name: 'a source added in the settings',
      sheets: [planSheet([{ source: 'Fondo de seguridad' }])],
      options: { extraSources: ['Fondo de seguridad'] },
    },
    { name: 'capture: Estado "Meta eliminada"', sheets: [captureSheet([{ goalState: 'Meta eliminada' }])] },
  ],
  invalid: [
    {
      name: 'plan: Tipo de meta "Proyecto"',
      sheets: [planSheet([{ goalType: 'Proyecto' }])],
      expected: [{ cell: planCell('goalType', 0), goal: '1905001', contains: ['«Proyecto»', '«Tipo de meta»', 'Producto, Gestión, Administrativa'] }],
    },
    {
      name: 'plan: unknown source and a "Tal vez" contract',
      sheets: [planSheet([{ source: 'Donación privada', needsContract: 'Tal vez' }])],
      expected: [
        { cell: planCell('source', 0), contains: ['«Donación privada»', 'Recursos propios', 'SGP Salud'] },
        { cell: planCell('needsContract', 0), contains: ['«Tal vez»', 'Sí, No'] },
      ],
    },
    {
      name: 'capture: Tipo de acumulación "Variable"',
      sheets: [captureSheet([{ accumulation: 'Variable' }])],
      expected: [{ cell: captureCell('accumulation', 0), contains: ['«Variable»', 'Suma, Creciente, Constante, Decreciente'] }],
    },
  ],
});
