import { ruleTable } from '../../test/helpers/rule-table';
import { d, planCell, planSheet } from '../../test/helpers/sheets';
import { baselineSheet, changeLogSheet } from '../../test/helpers/baseline';

const t1Changed = planSheet([{ planned: [200, 300, 250, 250] }]);

ruleTable('change-without-justification', {
  valid: [
    { name: 'unchanged', sheets: [planSheet([{}]), baselineSheet()] },
    {
      name: 'meta vigencia raised with its justified entry',
      sheets: [planSheet([{ yearGoal: 1200, planned: [250, 250, 350, 350] }]), baselineSheet(), changeLogSheet([
        [d('2025-05-10'), '1905001', 'Meta vigencia', 1000, 1200, 'Recursos adicionales del Ministerio', 'Oficio 2025-118'],
        [d('2025-05-10'), '1905001', 'Programado T3', 250, 350, 'Recursos adicionales del Ministerio', 'Oficio 2025-118'],
        [d('2025-05-10'), '1905001', 'Programado T4', 250, 350, 'Recursos adicionales del Ministerio', 'Oficio 2025-118'],
      ])],
    },
    {
      name: 'the entry records the value the sheet holds, written as text in Colombian style («1.200»)',
      sheets: [planSheet([{ yearGoal: 1200, planned: [250, 250, 350, 350] }]), baselineSheet(), changeLogSheet([
        [d('2025-05-10'), '1905001', 'Meta vigencia', '1.000', '1.200', 'Recursos adicionales del Ministerio', 'Oficio 2025-118'],
        [d('2025-05-10'), '1905001', 'Programado T3', '250', '350', 'Recursos adicionales del Ministerio', 'Oficio 2025-118'],
        [d('2025-05-10'), '1905001', 'Programado T4', '250', '350', 'Recursos adicionales del Ministerio', 'Oficio 2025-118'],
      ])],
    },
    {
      name: 'the entry records a decimal typed as a number (10,625: not the text «10.625», which reads as ten thousand)',
      sheets: [planSheet([{ yearGoal: 10.625 }]), baselineSheet(), changeLogSheet([
        [d('2025-05-10'), '1905001', 'Meta vigencia', 1000, 10.625, 'La meta pasa a medirse en miles', 'Oficio 2025-118'],
      ])],
    },
    {
      name: 'a tipo de acumulación changed (Suma → Creciente) with its justified entries',
      sheets: [planSheet([{ accumulation: 'Creciente', planned: [250, 500, 750, 1000] }]), baselineSheet(), changeLogSheet([
        [d('2025-03-20'), '1905001', 'Tipo de acumulación', 'Suma', 'Creciente', 'Se reporta la cobertura alcanzada', 'Oficio 2025-090'],
        [d('2025-03-20'), '1905001', 'Programado T2', 250, 500, 'Se reporta la cobertura alcanzada', 'Oficio 2025-090'],
        [d('2025-03-20'), '1905001', 'Programado T3', 250, 750, 'Se reporta la cobertura alcanzada', 'Oficio 2025-090'],
        [d('2025-03-20'), '1905001', 'Programado T4', 250, 1000, 'Se reporta la cobertura alcanzada', 'Oficio 2025-090'],
      ])],
    },
  ],
  invalid: [
    {
      name: 'the entry takes the meta vigencia to 1.100 but the sheet says 1.200: the change to 1.200 has no entry',
      sheets: [planSheet([{ yearGoal: 1200 }]), baselineSheet(), changeLogSheet([
        [d('2025-05-10'), '1905001', 'Meta vigencia', 1000, 1100, 'Recursos adicionales del Ministerio', 'Oficio 2025-118'],
      ])],
      expected: [{ cell: planCell('yearGoal', 0), goal: '1905001', contains: ['Meta vigencia', '1.000', 'a 1.200', '(fila 2) la lleva a 1.100', 'Registre este otro cambio'] }],
    },
    {
      name: 'a tipo de acumulación changed (Suma → Creciente) with no entry',
      sheets: [planSheet([{ accumulation: 'Creciente', planned: [250, 500, 750, 1000] }]), baselineSheet()],
      expected: [
        { cell: planCell('accumulation', 0), goal: '1905001', contains: ['Tipo de acumulación de la meta 1905001 cambió de Suma (plan aprobado) a Creciente'] },
        { cell: planCell('planned2', 0), contains: ['Programado T2'] },
        { cell: planCell('planned3', 0), contains: ['Programado T3'] },
        { cell: planCell('planned4', 0), contains: ['Programado T4'] },
      ],
    },
    {
      name: 'T1 and T2 moved (250 → 200, 250 → 300) with no entry: each cell',
      sheets: [t1Changed, baselineSheet()],
      expected: [
        { cell: planCell('planned1', 0), goal: '1905001', contains: ['Programado T1', '250', '200', '«Control de cambios»'] },
        { cell: planCell('planned2', 0), contains: ['Programado T2', '250', '300'] },
      ],
    },
    {
      name: 'an entry without justification does not justify',
      sheets: [planSheet([{ yearGoal: 1200, planned: [250, 250, 350, 350] }]), baselineSheet(), changeLogSheet([
        [d('2025-05-10'), '1905001', 'Meta vigencia', 1000, 1200, null, 'Oficio 2025-118'],
        [d('2025-05-10'), '1905001', 'Programado T3', 250, 350, 'Recursos adicionales', 'Oficio 2025-118'],
        [d('2025-05-10'), '1905001', 'Programado T4', 250, 350, 'Recursos adicionales', 'Oficio 2025-118'],
      ])],
      expected: [{ cell: planCell('yearGoal', 0), contains: ['Meta vigencia', '1.000', '1.200'] }],
    },
    {
      name: 'an approved goal deleted from the plan (it must stay, marked «Meta eliminada»)',
      sheets: [planSheet([{ goalCode: '1905002', goal: 'Otra meta' }]), baselineSheet()],
      expected: [{ cell: 'A4', goal: '1905001', contains: ['1905001', 'Meta eliminada'] }],
    },
  ],
});
