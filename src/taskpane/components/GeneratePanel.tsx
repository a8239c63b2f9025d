/** Generar tablero / alertas / observaciones, Informe (in its dialog), and Insertar plantilla. */
import { useId, useState } from 'react';
import { Button, Checkbox, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Alert20Regular, Board20Regular, CommentNote20Regular, DocumentPrint20Regular, TableAdd20Regular } from '@fluentui/react-icons';
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
  /** The workbook's units, for Alertas and Observaciones of one unit (none: no picker). */
  readonly units?: readonly string[];
  readonly onGenerate: (kind: PaneSheetKind, unit?: string) => void;
  /** «Informe» in its dialog; `publico`: the version to publish (Ley 1474 de 2011, art. 74). */
  readonly onInforme: (publico: boolean) => void;
  readonly onInsertTemplate: (kind: GeneralKind) => void;
}

const templateOptions: readonly { value: GeneralKind; label: string }[] = templateKinds.map((value) => ({ value, label: templateKindLabels[value] }));

export function GeneratePanel({ busy, units = [], onGenerate, onInforme, onInsertTemplate }: GeneratePanelProps) {
  const s = useStyles();
  const [template, setTemplate] = useState<GeneralKind>('plan-accion');
  const [picked, setPicked] = useState('');
  const unit = units.includes(picked) ? picked : undefined;
  const sheetsTitle = useId();
  const templateTitle = useId();
  const informeTitle = useId();
  const [publico, setPublico] = useState(false);
  return (
    <div className={s.root}>
      <section className={s.section} aria-labelledby={sheetsTitle}>
        <h2 id={sheetsTitle} className={s.title}>
          Hojas para el consejo
        </h2>
        <Text size={200} className={s.muted}>
          Se escriben en este libro con la fecha de corte de los ajustes. Si ya existen, se reemplazan. Las de una dependencia van en su propia hoja («Alertas – Salud»), sin tocar las de todas.
        </Text>
        <Button appearance="primary" icon={<Board20Regular />} className={s.button} disabled={busy} onClick={() => onGenerate('tablero')}>
          Generar tablero
        </Button>
        {units.length > 1 && (
          <Field label="Alertas y observaciones de" hint="Una dependencia: solo sus metas y sus observaciones, como en su devolución, en una hoja con su nombre.">
            <Select value={unit ?? ''} onChange={(_, d) => setPicked(d.value)}>
              <option value="">Todas las dependencias</option>
              {units.map((u) => (
                <option key={u} value={u}>
                  {u}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Button icon={<Alert20Regular />} className={s.button} disabled={busy} onClick={() => onGenerate('alertas', unit)}>
          Generar alertas
        </Button>
        <Button icon={<CommentNote20Regular />} className={s.button} disabled={busy} onClick={() => onGenerate('observaciones', unit)}>
          Generar observaciones
        </Button>
      </section>
      <section className={s.section} aria-labelledby={informeTitle}>
        <h2 id={informeTitle} className={s.title}>
          Informe trimestral
        </h2>
        <Text size={200} className={s.muted}>
          La misma página de «tablero informe»: se abre en una ventana, lista para imprimir o guardar como PDF (A4).
        </Text>
        <Checkbox checked={publico} onChange={(_, d) => setPublico(d.checked === true)} label="Versión para publicar en la web (Ley 1474 de 2011, art. 74)" />
        <Button icon={<DocumentPrint20Regular />} className={s.button} disabled={busy} onClick={() => onInforme(publico)}>
          Informe
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
