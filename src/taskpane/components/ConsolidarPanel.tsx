/**
 * Consolidar: the reviewer picks (or drops, where the host allows) the units' .xlsx files; each is
 * listed once Consolidar ends with its unit, vigencia, cut-off and counts — or left out with the
 * reason. Loaded with the tab (its own chunk).
 */
import { useId, useRef, useState, type DragEvent } from 'react';
import { Badge, Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowUpload20Regular, DocumentTable20Regular, TableStackBelow20Regular } from '@fluentui/react-icons';
import type { ConsolidarOutcome, PickedFileReport } from '../../app/consolidate-picked';
import type { ConsolidarActions } from '../consolidar';
import type { RunTask, Status } from '../usePane';
import { plural } from './plural';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase300 },
  muted: { color: tokens.colorNeutralForeground3 },
  drop: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  dropActive: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  hidden: { display: 'none' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0, overflowWrap: 'anywhere' },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  name: { fontWeight: tokens.fontWeightSemibold },
  button: { justifyContent: 'flex-start', width: '100%' },
});

export interface ConsolidarPanelProps {
  readonly actions: ConsolidarActions;
  readonly busy: boolean;
  /** The pane's runner of long work (progress, Cancelar, errors) and its status line. */
  readonly task: RunTask;
  readonly setStatus: (status: Status | null) => void;
  /** The last outcome (kept by the pane across tabs). */
  readonly outcome: ConsolidarOutcome | null;
  readonly onOutcome: (outcome: ConsolidarOutcome) => void;
}

/** The status line once Consolidar ends. */
export function consolidarStatus(o: ConsolidarOutcome): Status {
  const left = o.files.filter((f) => !f.admitted).length;
  const leftText = left ? ` ${plural(left, ['archivo quedó', 'archivos quedaron'])} por fuera: vea el motivo en la lista.` : '';
  if (o.sheet === null) {
    return { intent: 'warning', title: 'No se consolidó ningún archivo', text: `Ninguno de los archivos elegidos se pudo consolidar.${leftText}` };
  }
  const admitted = o.files.length - left;
  return {
    intent: left ? 'warning' : 'success',
    text: `Se consolidaron ${plural(o.rows, ['fila', 'filas'])} de ${plural(admitted, ['archivo', 'archivos'])} en la hoja «${o.sheet}»; ya puede usar Generar.${leftText}`,
  };
}

const isWorkbook = (name: string) => /\.xls[xm]$/i.test(name);

function dmy(iso: string): string {
  return iso.split('-').reverse().join('/');
}

/** «Secretaría de Salud · vigencia 2025 · corte 30/06/2025 · 5 filas · 2 errores, 1 advertencia». */
function facts(f: PickedFileReport): string {
  const parts: string[] = [];
  if (f.unit) parts.push(f.unit);
  if (f.vigencia !== null) parts.push(`vigencia ${f.vigencia}`);
  if (f.cutoff) parts.push(`corte ${dmy(f.cutoff)}`);
  if (f.rows) parts.push(plural(f.rows, ['fila', 'filas']));
  if (f.admitted) parts.push(`${plural(f.errors, ['error', 'errores'])}, ${plural(f.warnings, ['advertencia', 'advertencias'])}`);
  return parts.join(' · ');
}

export function ConsolidarPanel({ actions, busy, task, setStatus, outcome, onOutcome }: ConsolidarPanelProps) {
  const s = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<readonly File[]>([]);
  const [dragging, setDragging] = useState(false);
  const titleId = useId();
  const resultsId = useId();

  const add = (list: FileList | null) => {
    if (!list) return;
    setFiles((prev) => [...prev, ...Array.from(list).filter((f) => !prev.some((p) => p.name === f.name && p.size === f.size && p.lastModified === f.lastModified))]);
  };
  const onConsolidate = () =>
    void task(`Consolidando ${plural(files.length, ['archivo', 'archivos'])}`, true, (c) => actions.consolidate(files, c), (o) => {
      onOutcome(o);
      setStatus(consolidarStatus(o));
    });
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    add(e.dataTransfer.files);
  };

  return (
    <div className={s.root}>
      <section className={s.root} aria-labelledby={titleId}>
        <h2 id={titleId} className={s.title}>
          Consolidar hojas de las dependencias
        </h2>
        <Text size={200} className={s.muted}>
          Elija los libros (.xlsx) que enviaron las dependencias. Cada uno se valida aquí; las filas de sus hojas de captura se copian a la hoja «Consolidado» de este libro, con el
          archivo, la hoja y la fila de origen, lista para Generar. Los archivos de otra vigencia o corte, repetidos o dañados quedan por fuera, con el motivo.
        </Text>
        <div
          className={mergeClasses(s.drop, dragging && s.dropActive)}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <input
            ref={input}
            className={s.hidden}
            type="file"
            multiple
            accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-label="Libros de las dependencias"
            onChange={(e) => {
              add(e.target.files);
              e.target.value = '';
            }}
          />
          <Button icon={<ArrowUpload20Regular />} className={s.button} disabled={busy} onClick={() => input.current?.click()}>
            Elegir archivos…
          </Button>
          <Text size={200} className={s.muted}>
            O arrástrelos hasta aquí.
          </Text>
          {files.length > 0 && (
            <ul className={s.list} aria-label="Archivos elegidos">
              {files.map((f) => (
                <li key={`${f.name}-${f.size}-${f.lastModified}`} className={s.line}>
                  <DocumentTable20Regular aria-hidden />
                  <Text>{f.name}</Text>
                  {!isWorkbook(f.name) && <Badge color="warning">No parece un .xlsx</Badge>}
                </li>
              ))}
            </ul>
          )}
        </div>
        <Button
          appearance="primary"
          icon={<TableStackBelow20Regular />}
          className={s.button}
          disabled={busy || files.length === 0}
          onClick={onConsolidate}
        >
          {files.length ? `Consolidar ${plural(files.length, ['archivo', 'archivos'])}` : 'Consolidar'}
        </Button>
        {files.length > 0 && (
          <Button appearance="subtle" disabled={busy} onClick={() => setFiles([])}>
            Vaciar la lista
          </Button>
        )}
      </section>
      {outcome && (
        <section className={s.root} aria-labelledby={resultsId}>
          <h2 id={resultsId} className={s.title}>
            Resultado por archivo
          </h2>
          <ul className={s.list} aria-label="Resultado por archivo">
            {outcome.files.map((f, i) => (
              <li key={`${i}-${f.file}`} className={s.item} data-consolidar={f.admitted ? 'incluido' : 'omitido'}>
                <span className={s.line}>
                  <Text className={s.name}>{f.file}</Text>
                  {f.admitted ? <Badge color="success">Consolidado</Badge> : <Badge color="danger">Por fuera</Badge>}
                </span>
                {facts(f) && (
                  <Text size={200} className={s.muted}>
                    {facts(f)}
                  </Text>
                )}
                {!f.admitted && f.reason && <Text size={200}>{f.reason}</Text>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
