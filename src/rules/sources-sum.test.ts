import { ruleTable } from '../../test/helpers/rule-table';
import { indicativoSheet } from '../../test/helpers/plan-indicativo';

const row = (rp2025: number, total2025: number) => ['IP-157', 'Fondo de educación superior', 1, 'No acumulativo', 1, 1, 1, 1, 483340000, 0, 483340000, rp2025, 0, total2025];

ruleTable('sources-sum', {
  valid: [
    { name: 'each year’s sources add up to its total', sheets: [indicativoSheet([row(1000000000, 1000000000)])] },
    { name: 'a total with no source given', sheets: [indicativoSheet([['IP-1', 'Meta', 1, 'No acumulativo', 1, 1, 1, 1, null, null, 5000000]])] },
  ],
  invalid: [
    {
      name: 'Recursos propios 2025 changed: the sources no longer add up to Total 2025',
      sheets: [indicativoSheet([row(1025000000, 1000000000)])],
      expected: [{ cell: 'N3', goal: 'IP-157', contains: ['de 2025', '$ 1.025.000.000', '«Total 2025» es $ 1.000.000.000', 'diferencia: $ 25.000.000'] }],
    },
  ],
});
