/**
 * The short Spanish name of each rule id — the one catalog of what a person reads beside an id: the
 * pane's group headings, the Observaciones sheet (generar, consolidar, devolver), the cells' notes
 * and the text output (`ruleLabel`: «Sobreejecución (over-execution)»). The ids stay exactly as
 * rules.md says, alone, in --json. Beside the rule catalog and without it, so that naming a rule
 * loads no rule; `catalog.test.ts` checks every registered rule has its name here and in
 * docs/rules.md.
 */
export const ruleNames: Readonly<Record<string, string>> = {
  'activity-overdue': 'Actividad vencida sin terminar',
  'added-after-approval': 'Meta agregada después de aprobado el plan',
  'analysis-required': 'Falta el análisis de la meta',
  'budget-ahead': 'Presupuesto adelantado al avance físico',
  'budget-chain': 'Cadena presupuestal no cuadra',
  'ceiling-exceeded': 'Supera el techo presupuestal',
  'change-without-justification': 'Cambio sin registro justificado',
  'code-format': 'Código con formato incorrecto',
  'cumulative-mismatch': 'Ejecutado acumulado no cuadra',
  'date': 'Fecha no válida',
  'date-order': 'Fecha de inicio posterior a la de fin',
  'date-vigencia': 'Fecha fuera de la vigencia',
  'duplicate': 'Fila duplicada',
  'enum': 'Valor fuera de la lista',
  'evidence-required': 'Falta la evidencia',
  'formula-error': 'Error de fórmula',
  'future-execution': 'Ejecución en periodo futuro',
  'goal-mismatch': 'Datos de la meta no coinciden entre filas',
  'header-missing': 'Falta una columna obligatoria',
  'indicator-mismatch': 'Indicador no cuadra con numerador y denominador',
  'late-modification': 'Modificación después del segundo trimestre',
  'missing-report': 'Periodo vencido sin reporte',
  'negative': 'Valor negativo',
  'no-ceiling': 'Programa sin techo',
  'number': 'Texto donde va un número',
  'number-as-text': 'Número escrito como texto',
  'over-execution': 'Sobreejecución',
  'past-period-changed': 'Periodo ya medido reprogramado',
  'percent-mismatch': '% de avance no cuadra',
  'percent-range': 'Porcentaje fuera de 0–100 %',
  'plan-mismatch': 'Difiere del plan de acción',
  'program-mismatch': 'Programa con dos nombres',
  'programming-coherence': 'Programación no cuadra con la meta',
  'repeated-modification': 'Meta modificada más de una vez',
  'required': 'Celda obligatoria vacía',
  'sources-sum': 'Fuentes que no suman el total del año',
  'term-coherence': 'Programación del cuatrienio incoherente',
  'unknown-goal': 'Meta que no está en el plan',
  'unreported-goal': 'Meta del plan sin reporte',
  'weights-sum': 'Ponderaciones no suman 100 %',
};

/** The rule's Spanish name, or its id when the catalog has none. */
export function ruleName(id: string): string {
  return ruleNames[id] ?? id;
}

/** The name and the id, as a person reads them: «Sobreejecución (over-execution)». */
export function ruleLabel(id: string): string {
  const name = ruleNames[id];
  return name ? `${name} (${id})` : id;
}
