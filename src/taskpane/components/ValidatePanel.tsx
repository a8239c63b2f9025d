/** Validar (whole workbook or active sheet), Limpiar marcas, and the grouped results. */
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Field,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircle20Regular, Eraser20Regular } from '@fluentui/react-icons';
import type { Finding } from '../../domain/finding';
import { groupFindings, type ValidationScope } from '../controller';
import { type ValidationOutcome } from '../../app/pane';
import { plural } from './plural';

// The results list (Accordion and friends) loads with the first results.
const FindingsList = lazy(() => import(/* webpackChunkName: "resultados" */ './FindingsList.js').then((m) => ({ default: m.FindingsList })));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1 },
  results: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  summary: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase400 },
  counts: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  count: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface ValidatePanelProps {
  readonly outcome: ValidationOutcome | null;
  readonly outcomeScope: ValidationScope | null;
  readonly resultsVersion: number;
  readonly busy: boolean;
  readonly onValidate: (scope: ValidationScope) => void;
  readonly onClearMarks: () => void;
  readonly onSelect: (finding: Finding) => void;
  readonly ruleTitle: (rule: string) => string;
}

export function ValidatePanel(props: ValidatePanelProps) {
  const { outcome, outcomeScope, resultsVersion, busy, onValidate, onClearMarks, onSelect, ruleTitle } = props;
  const s = useStyles();
  const [scope, setScope] = useState<ValidationScope>('workbook');
  const groups = useMemo(() => (outcome ? groupFindings(outcome.findings) : []), [outcome]);
  const heading = useRef<HTMLHeadingElement>(null);

  // After each validation the results take the focus, so keyboard and screen-reader users land on them.
  useEffect(() => {
    if (resultsVersion > 0) heading.current?.focus();
  }, [resultsVersion]);

  return (
    <div className={s.root}>
      <Field label="Qué validar">
        <RadioGroup layout="horizontal" value={scope} onChange={(_, d) => setScope(d.value === 'active' ? 'active' : 'workbook')}>
          <Radio value="workbook" label="Todo el libro" />
          <Radio value="active" label="Hoja activa" />
        </RadioGroup>
      </Field>
      <div className={s.actions}>
        <Button appearance="primary" icon={<CheckmarkCircle20Regular />} className={s.grow} disabled={busy} onClick={() => onValidate(scope)}>
          Validar
        </Button>
        <Button icon={<Eraser20Regular />} className={s.grow} disabled={busy} onClick={onClearMarks}>
          Limpiar marcas
        </Button>
      </div>

      {outcome && (
        <section className={s.results} aria-labelledby="resultado-titulo">
          <h2 id="resultado-titulo" ref={heading} tabIndex={-1} className={s.summary}>
            Resultado{outcomeScope === 'active' ? ' (hoja activa)' : ''}
          </h2>
          {outcome.mappingProblems?.map((p) => (
            <MessageBar key={p} intent="warning" layout="multiline">
              <MessageBarBody>{p}</MessageBarBody>
            </MessageBar>
          ))}
          <div className={s.counts} aria-live="polite" aria-atomic="true">
            <span className={s.count}>
              <Badge shape="circular" appearance={outcome.errors ? 'filled' : 'tint'} color={outcome.errors ? 'danger' : 'success'} aria-hidden>
                {outcome.errors.toLocaleString('es-CO')}
              </Badge>
              <Text>{plural(outcome.errors, ['error', 'errores'])}</Text>
            </span>
            <span className={s.count}>
              <Badge shape="circular" appearance={outcome.warnings ? 'filled' : 'tint'} color={outcome.warnings ? 'warning' : 'success'} aria-hidden>
                {outcome.warnings.toLocaleString('es-CO')}
              </Badge>
              <Text>{plural(outcome.warnings, ['advertencia', 'advertencias'])}</Text>
            </span>
          </div>
          {outcome.errors === 0 ? (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Listo para enviar</MessageBarTitle>
                {outcome.warnings === 0
                  ? 'No se encontraron errores ni advertencias.'
                  : `No hay errores. Revise ${outcome.warnings === 1 ? 'la advertencia' : `las ${outcome.warnings.toLocaleString('es-CO')} advertencias`} antes de enviar, si aplica.`}
              </MessageBarBody>
            </MessageBar>
          ) : (
            <Text size={200} className={s.muted}>
              Las celdas con error quedaron en rojo y las advertencias en amarillo, con una nota. Haga clic en un hallazgo para ir a su celda.
            </Text>
          )}
          {groups.length > 0 && (
            <Suspense fallback={null}>
              <FindingsList groups={groups} ruleTitle={ruleTitle} onSelect={onSelect} />
            </Suspense>
          )}
        </section>
      )}
    </div>
  );
}
