/**
 * «En este libro»: how each sheet of the open workbook was read (kind, format, header row, each
 * field → column) and, for any field, a Dropdown of the sheet's headers to say which column holds
 * it. The choice is stored in the workbook (`domain/mapping.ts`) and honoured by the pane and by
 * the `tablero` command. Loaded when its tab is first opened (with the zod schema behind it).
 */
import { useCallback, useEffect, useId, useState } from 'react';
import {
  Badge,
  Button,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwise20Regular } from '@fluentui/react-icons';
import type { FieldId } from '../../domain/fields';
import type { BookField, BookReading, BookSheet } from '../../app/book';
import { toUserMessage, type PaneActions } from '../controller';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase300 },
  sheetTitle: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
  dropdown: { minWidth: 0, width: '100%' },
  label: { display: 'inline-flex', gap: tokens.spacingHorizontalXS, alignItems: 'center', flexWrap: 'wrap' },
  refresh: { alignSelf: 'flex-start' },
});

export interface BookPanelProps {
  readonly actions: Pick<PaneActions, 'readBook' | 'setFieldColumn'>;
  readonly busy: boolean;
}

const AUTO = '';

function columnText(sheet: BookSheet, column: string | null): string {
  if (column === null) return 'Sin columna';
  const h = sheet.headers.find((x) => x.column === column);
  return h && h.header ? `${column} — ${h.header}` : column;
}

function FieldRow({ sheet, field, disabled, onPick }: { sheet: BookSheet; field: BookField; disabled: boolean; onPick: (field: FieldId, column: string | null) => void }) {
  const s = useStyles();
  return (
    <Field
      label={
        <span className={s.label}>
          {field.label}
          {field.required && <Text size={200} className={s.muted}>(obligatorio)</Text>}
          {field.mapped && (
            <Badge size="small" appearance="tint" color="brand">
              elegida por usted
            </Badge>
          )}
        </span>
      }
      validationState={field.required && field.column === null ? 'error' : 'none'}
      validationMessage={field.required && field.column === null ? 'No se encontró su columna: elíjala.' : undefined}
    >
      <Dropdown
        className={s.dropdown}
        disabled={disabled}
        value={columnText(sheet, field.column)}
        selectedOptions={[field.mapped && field.column ? field.column : AUTO]}
        onOptionSelect={(_, d) => onPick(field.field, d.optionValue ? d.optionValue : null)}
      >
        <Option value={AUTO} text="Automático (como la lee el complemento)">
          Automático (como la lee el complemento)
        </Option>
        {sheet.headers.map((h) => (
          <Option key={h.column} value={h.column} text={`${h.column} — ${h.header || '(sin encabezado)'}`}>
            {`${h.column} — ${h.header || '(sin encabezado)'}`}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

function SheetSection({ sheet, disabled, onPick }: { sheet: BookSheet; disabled: boolean; onPick: (sheet: string, field: FieldId, column: string | null) => void }) {
  const s = useStyles();
  const id = useId();
  const [extra, setExtra] = useState<FieldId[]>([]);
  const listed = new Set<string>(sheet.fields.map((f) => f.field));
  const extraFields: BookField[] = extra
    .filter((f) => !listed.has(f))
    .map((f) => ({ field: f, label: sheet.otherFields.find((o) => o.field === f)?.label ?? f, required: false, column: null, mapped: false }));
  const others = sheet.otherFields.filter((o) => !extra.includes(o.field));
  const pick = (field: FieldId, column: string | null) => onPick(sheet.name, field, column);
  return (
    <section className={s.section} aria-labelledby={id}>
      <h3 id={id} className={s.sheetTitle}>
        Hoja «{sheet.name}»
      </h3>
      <Text size={200} className={s.muted}>
        {sheet.kindLabel} · {sheet.format ?? 'formato general'} · encabezado en la fila {sheet.headerRow} · {sheet.dataRows.toLocaleString('es-CO')}{' '}
        {sheet.dataRows === 1 ? 'fila' : 'filas'}
        {sheet.vigencia !== undefined ? ` · vigencia ${sheet.vigencia}` : ''}
      </Text>
      {sheet.notes.map((n) => (
        <Text key={n} size={200} className={s.muted}>
          {n}
        </Text>
      ))}
      {[...sheet.fields, ...extraFields].map((f) => (
        <FieldRow key={f.field} sheet={sheet} field={f} disabled={disabled} onPick={pick} />
      ))}
      {others.length > 0 && (
        <Field label="Otro campo de esta hoja" hint="Elija un campo para indicar su columna.">
          <Dropdown
            className={s.dropdown}
            disabled={disabled}
            placeholder="Elegir campo…"
            selectedOptions={[]}
            value=""
            onOptionSelect={(_, d) => d.optionValue && setExtra((x) => [...x, d.optionValue as FieldId])}
          >
            {others.map((o) => (
              <Option key={o.field} value={o.field} text={o.label}>
                {o.label}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
    </section>
  );
}

export function BookPanel({ actions, busy }: BookPanelProps) {
  const s = useStyles();
  const titleId = useId();
  const [reading, setReading] = useState<BookReading | null>(null);
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const load = useCallback(async () => {
    setWorking(true);
    setError(null);
    try {
      setReading(await actions.readBook());
    } catch (e) {
      setError(toUserMessage(e));
    } finally {
      setWorking(false);
    }
  }, [actions]);

  useEffect(() => {
    void load();
  }, [load]);

  const onPick = useCallback(
    async (sheet: string, field: FieldId, column: string | null) => {
      setWorking(true);
      setError(null);
      setSaved(null);
      try {
        setReading(await actions.setFieldColumn(sheet, field, column));
        setSaved(`Guardado en el libro: ${column === null ? `el campo vuelve a leerse automáticamente` : `el campo se lee de la columna ${column}`} en «${sheet}». Valide de nuevo para ver los hallazgos con esta lectura; el comando tablero también la usa.`);
      } catch (e) {
        setError(toUserMessage(e));
      } finally {
        setWorking(false);
      }
    },
    [actions],
  );

  const disabled = busy || working;
  return (
    <div className={s.root}>
      <section className={s.section} aria-labelledby={titleId}>
        <h2 id={titleId} className={s.title}>
          En este libro
        </h2>
        <Text size={200} className={s.muted}>
          Cómo leyó el complemento cada hoja. Si un campo no se encontró o se leyó de otra columna, elija la suya entre los encabezados de la hoja: la corrección se
          guarda en el libro.
        </Text>
        <Button className={s.refresh} size="small" icon={<ArrowClockwise20Regular />} disabled={disabled} onClick={() => void load()}>
          Volver a leer
        </Button>
      </section>
      {working && <Spinner size="tiny" label={reading ? 'Guardando…' : 'Leyendo el libro…'} />}
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {saved && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{saved}</MessageBarBody>
        </MessageBar>
      )}
      {reading?.problems.map((p) => (
        <MessageBar key={p} intent="warning" layout="multiline">
          <MessageBarBody>{p}</MessageBarBody>
        </MessageBar>
      ))}
      {reading && reading.sheets.length === 0 && !working && <Text>No se reconoció ninguna hoja de datos en este libro.</Text>}
      {reading?.sheets.map((sheet) => (
        <SheetSection key={sheet.name} sheet={sheet} disabled={disabled} onPick={(a, b, c) => void onPick(a, b, c)} />
      ))}
      {reading && reading.unknown.length > 0 && (
        <section className={s.section}>
          <Text weight="semibold" size={200}>
            Hojas no reconocidas
          </Text>
          {reading.unknown
            .filter((u) => !u.name.startsWith('_'))
            .map((u) => (
              <Text key={u.name} size={200} className={s.muted}>
                «{u.name}»: {u.reason}
              </Text>
            ))}
        </section>
      )}
      {reading && reading.hidden.length > 0 && (
        <Text size={200} className={s.muted}>
          Hojas ocultas (no se leen): {reading.hidden.join(', ')}
        </Text>
      )}
    </div>
  );
}
