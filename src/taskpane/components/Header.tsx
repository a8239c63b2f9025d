/** What the pane found in the workbook: one line per recognised sheet, and a quiet re-read button. */
import { Button, Caption1, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowSync20Regular } from '@fluentui/react-icons';
import type { Detection } from '../../app/pane';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  body: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  sheet: { overflowWrap: 'anywhere', lineHeight: tokens.lineHeightBase300 },
  sheetName: { color: tokens.colorNeutralForeground3 },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

export interface HeaderProps {
  readonly detection: Detection | null;
  readonly detecting: boolean;
  readonly disabled: boolean;
  readonly onRefresh: () => void;
}

export function Header({ detection, detecting, disabled, onRefresh }: HeaderProps) {
  const s = useStyles();
  return (
    <header className={s.root}>
      <div className={s.body} aria-live="polite" aria-busy={detecting}>
        <Caption1 as="h1" className={s.muted} style={{ margin: 0, fontWeight: 'normal' }}>
          En este libro
        </Caption1>
        {detection === null ? (
          detecting ? (
            <Spinner size="extra-tiny" label="Leyendo el libro…" labelPosition="after" />
          ) : (
            <Text size={200} className={s.muted}>
              Aún no se ha leído el libro.
            </Text>
          )
        ) : detection.sheets.length === 0 ? (
          <Text size={200}>
            No se reconoció ninguna hoja de plan de acción, de captura ni de techos. Puede insertar una plantilla en la pestaña «Generar».
          </Text>
        ) : (
          <ul className={s.list}>
            {detection.sheets.map((sheet) => (
              <li key={sheet.name} className={s.sheet}>
                <Text size={300} weight="semibold">
                  {sheet.summary}
                </Text>
                {!sheet.summary.includes(sheet.name) && (
                  <Text size={200} block className={s.sheetName}>
                    hoja «{sheet.name}»
                  </Text>
                )}
              </li>
            ))}
          </ul>
        )}
        {detection && detection.unknown.length > 0 && (
          <Text size={200} className={s.muted}>
            Sin reconocer: {detection.unknown.join(', ')}
          </Text>
        )}
        {detection?.note && (
          <Text size={200} block className={s.muted}>
            {detection.note}
          </Text>
        )}
      </div>
      <Button
        appearance="subtle"
        size="small"
        icon={<ArrowSync20Regular />}
        aria-label="Volver a leer el libro"
        title="Volver a leer el libro"
        onClick={onRefresh}
        disabled={disabled || detecting}
      />
    </header>
  );
}
