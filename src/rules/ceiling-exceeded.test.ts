import { ruleTable } from '../../test/helpers/rule-table';
import { ceilingSheet, planMerge, planSheet } from '../../test/helpers/sheets';

ruleTable('ceiling-exceeded', {
  valid: [
    { name: 'no techos sheet', sheets: [planSheet([{ amount: 500_000_000 }])] },
    { name: 'within the ceiling (exactly)', sheets: [planSheet([{ amount: 60_000_000 }, { amount: 40_000_000 }]), ceilingSheet([{}])] },
    {
      name: 'a merged amount counts once',
      sheets: [planSheet([{ amount: 80_000_000 }, { amount: 80_000_000 }], { merges: [planMerge('amount', 0, 1)] }), ceilingSheet([{}])],
    },
    {
      name: 'per source: each source within its own ceiling',
      sheets: [
        planSheet([{ source: 'SGP Salud', amount: 50_000_000 }, { source: 'Recursos propios', amount: 70_000_000 }]),
        ceilingSheet([{ source: 'SGP Salud', ceiling: 50_000_000 }, { source: 'Recursos propios', ceiling: 70_000_000 }]),
      ],
    },
  ],
  invalid: [
    {
      name: 'program 1905 programs $ 120.000.000 against a techo of $ 100.000.000',
      sheets: [planSheet([{ amount: 40_000_000 }, { amount: 40_000_000 }, { amount: 40_000_000 }]), ceilingSheet([{}])],
      expected: [
        {
          cell: 'A5',
          goal: '1905001',
          contains: ['programa 1905', '«Salud pública»', 'suman $ 120.000.000', 'techo presupuestal de $ 100.000.000', 'exceso: $ 20.000.000'],
        },
      ],
    },
    {
      name: 'per unit and source: only the SGP Salud line of the unit is over',
      sheets: [
        planSheet([
          { source: 'Recursos propios', amount: 10_000_000 },
          { source: 'SGP Salud', amount: 30_000_000 },
          { source: 'SGP Salud', amount: 30_000_000 },
        ]),
        ceilingSheet([
          { unit: 'Secretaría de Salud', source: 'SGP Salud', ceiling: 50_000_000 },
          { unit: 'Secretaría de Salud', source: 'Recursos propios', ceiling: 20_000_000 },
        ]),
      ],
      expected: [{ cell: 'A6', contains: ['para «Secretaría de Salud»', 'fuente «SGP Salud»', '$ 60.000.000', '$ 50.000.000'] }],
    },
  ],
});
