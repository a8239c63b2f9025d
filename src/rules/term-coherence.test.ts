import { ruleTable } from '../../test/helpers/rule-table';
import { indicativoSheet } from '../../test/helpers/plan-indicativo';

ruleTable('term-coherence', {
  valid: [
    { name: 'Acumulativo: the years add up to the meta', sheets: [indicativoSheet([['IP-1', 'Entregar 320 subsidios', 320, 'Acumulativo', 80, 80, 80, 80]])] },
    { name: 'No acumulativo: a level kept every year', sheets: [indicativoSheet([['IP-2', 'Mantener 1 plan', 1, 'No acumulativo', 1, 1, 1, 1]])] },
    { name: 'No acumulativo: rising to the meta in the last year', sheets: [indicativoSheet([['IP-3', 'Llegar a 100 %', 100, 'No acumulativo', 25, 50, 75, 100]])] },
  ],
  invalid: [
    {
      name: 'Acumulativo: 1 + 2 + 1 + 1 for a meta of 4',
      sheets: [indicativoSheet([['IP-302', 'Apoyar proyectos comunales', 4, 'Acumulativo', 1, 2, 1, 1]])],
      expected: [{ cell: 'C3', goal: 'IP-302', contains: ['suma 5', 'meta del cuatrienio es 4', '«Acumulativo»'] }],
    },
    {
      name: 'No acumulativo: a year above the meta',
      sheets: [indicativoSheet([['IP-4', 'Mantener 6 sedes', 6, 'No acumulativo', 6, 7, 6, 6]])],
      expected: [{ cell: 'F3', contains: ['(7)', 'supera la meta del cuatrienio (6)'] }],
    },
    {
      name: 'No acumulativo: the last year below the meta',
      sheets: [indicativoSheet([['IP-5', 'Llegar a 100 %', 100, 'No acumulativo', 25, 50, 75, 90]])],
      expected: [{ cell: 'H3', contains: ['(90)', 'no es la meta del cuatrienio (100)'] }],
    },
    {
      name: 'a convention followed by several rows is said once, on the header',
      sheets: [
        indicativoSheet([
          ['IP-10', 'Plan anual', 1, 'Acumulativo', 1, 1, 1, 1],
          ['IP-11', 'Campaña anual', 1, 'Acumulativo', 1, 1, 1, 1],
          ['IP-12', 'Otra meta', 4, 'Acumulativo', 1, 1, 1, 2],
        ]),
      ],
      expected: [
        { cell: 'A2', goal: null, contains: ['meta del cuatrienio repetida en cada año (filas 3, 4)'] },
        { cell: 'C5', contains: ['suma 5'] },
      ],
    },
  ],
});
