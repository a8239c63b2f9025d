/** Generar tablero / alertas / observaciones, and Insertar plantilla. */
import { useId, useState } from 'react';
import { Button, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Alert20Regular, Board20Regular, CommentNote20Regular, TableAdd20Regular } from '@fluentui/react-icons';
import type { GeneralKind } from '../../domain/fields';
import type { PaneSheetKind } from '../../app/pane';
import { templateKindLabels, templateKinds } from '../../app/templates';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase300 },
  button: { justifyContent: 'flex-start', width: '100%' },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface GeneratePanelProps {
  readonly busy: boolean;
  readonly onGenerate: (kind: PaneSheetKind) => void;
  readonly onInsertTemplate: (kind: GeneralKind) => void;
}

const templateOptions: readonly { value: GeneralKind; label: string }[] = templateKinds.map((value) => ({ value, label: templateKindLabels[value] }));

export function GeneratePanel({ busy, onGenerate, onInsertTemplate }: GeneratePanelProps) {
  const s = useStyles();
  const [template, setTemplate] = useState<GeneralKind>('plan-accion');
  const sheetsTitle = useId();
  const templateTitle = useId();
  return (
    <div className={s.root}>
      <section className={s.section} aria-labelledby={sheetsTitle}>
        <h2 id={sheetsTitle} className={s.title}>
          Hojas para el consejo
        </h2>
        <Text size={200} className={s.muted}>
          Se escriben en este libro con la fecha de corte de los ajustes. Si ya existen, se reemplazan.
        </Text>
        <Button appearance="primary" icon={<Board20Regular />} className={s.button} disabled={busy} onClick={() => onGenerate('tablero')}>
          Generar tablero
        </Button>
        <Button icon={<Alert20Regular />} className={s.button} disabled={busy} onClick={() => onGenerate('alertas')}>
          Generar alertas
        </Button>
        <Button icon={<CommentNote20Regular />} className={s.button} disabled={busy} onClick={() => onGenerate('observaciones')}>
          Generar observaciones
        </Button>
      </section>
      <section className={s.section} aria-labelledby={templateTitle}>
        <h2 id={templateTitle} className={s.title}>
          Insertar plantilla
        </h2>
        <Field label="Plantilla" hint="Hoja en blanco con los encabezados oficiales, listas desplegables y formatos.">
          <Select value={template} onChange={(_, d) => setTemplate(d.value as GeneralKind)}>
            {templateOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
        <Button icon={<TableAdd20Regular />} className={s.button} disabled={busy} onClick={() => onInsertTemplate(template)}>
          Insertar plantilla
        </Button>
      </section>
    </div>
  );
}
