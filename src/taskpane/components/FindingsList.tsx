/**
 * The findings, grouped by severity (errors first) then rule, with counts. Each finding is a
 * button: Enter, Space or a click activates its sheet and selects its cell.
 */
import { useState } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  CounterBadge,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { Finding } from '../../domain/finding';
import type { SeverityGroup } from '../controller';
import { plural } from './plural';

/** Findings shown per rule before "Mostrar más" (a 20k-row sheet may have thousands). */
const PAGE_SIZE = 50;

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  groupTitle: {
    margin: 0,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase300,
  },
  headerText: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere', textAlign: 'left' },
  headerInner: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, width: '100%' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  finding: {
    width: '100%',
    minWidth: 0,
    maxWidth: '100%',
    height: 'auto',
    justifyContent: 'flex-start',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    fontWeight: tokens.fontWeightRegular,
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: '2px',
    borderLeftWidth: '3px',
    borderLeftStyle: 'solid',
    borderRadius: tokens.borderRadiusMedium,
  },
  errorEdge: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warningEdge: { borderLeftColor: tokens.colorPaletteYellowBorder2 },
  where: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  message: { whiteSpace: 'normal', overflowWrap: 'anywhere', fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  more: { alignSelf: 'flex-start' },
  srOnly: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
  panel: { marginLeft: 0, marginRight: 0 },
});

export interface FindingsListProps {
  readonly groups: readonly SeverityGroup[];
  readonly ruleTitle: (rule: string) => string;
  readonly onSelect: (finding: Finding) => void;
}

const severityTitle = { error: ['error', 'errores'], warning: ['advertencia', 'advertencias'] } as const;

export { plural };

export function FindingsList({ groups, ruleTitle, onSelect }: FindingsListProps) {
  const s = useStyles();
  const total = groups.reduce((n, g) => n + g.count, 0);
  // Small results open whole; big ones open the first group of each severity.
  const defaultOpen = groups.flatMap((g) => (total <= 60 ? g.rules : g.rules.slice(0, 1)).map((r) => `${g.severity}:${r.rule}`));
  return (
    <div className={s.group}>
      {groups.map((g) => (
        <section key={g.severity} aria-label={g.severity === 'error' ? 'Errores' : 'Advertencias'} className={s.group}>
          <h3 className={s.groupTitle}>
            <Badge shape="circular" size="extra-small" appearance="filled" color={g.severity === 'error' ? 'danger' : 'warning'} aria-hidden />
            {g.severity === 'error' ? 'Errores' : 'Advertencias'}
            <span className={s.srOnly}>: {g.count}</span>
          </h3>
          <Accordion multiple collapsible defaultOpenItems={defaultOpen}>
            {g.rules.map((r) => (
              <AccordionItem key={r.rule} value={`${g.severity}:${r.rule}`}>
                <AccordionHeader size="small" expandIconPosition="start">
                  <span className={s.headerInner}>
                    <span className={s.headerText}>{ruleTitle(r.rule)}</span>
                    <CounterBadge count={r.findings.length} overflowCount={99999} appearance="ghost" color="informative" size="small" aria-label={plural(r.findings.length, severityTitle[g.severity])} />
                  </span>
                </AccordionHeader>
                <AccordionPanel className={s.panel}>
                  <RuleFindings findings={r.findings} severity={g.severity} onSelect={onSelect} />
                </AccordionPanel>
              </AccordionItem>
            ))}
          </Accordion>
        </section>
      ))}
    </div>
  );
}

function RuleFindings({ findings, severity, onSelect }: { findings: readonly Finding[]; severity: 'error' | 'warning'; onSelect: (f: Finding) => void }) {
  const s = useStyles();
  const [shown, setShown] = useState(PAGE_SIZE);
  const visible = findings.slice(0, shown);
  const rest = findings.length - visible.length;
  return (
    <>
      <ul className={s.list}>
        {visible.map((f, i) => (
          <li key={`${f.sheet}!${f.cell}#${i}`}>
            <Button appearance="subtle" className={mergeClasses(s.finding, severity === 'error' ? s.errorEdge : s.warningEdge)} onClick={() => onSelect(f)}>
              {/* The accessible name contains the visible text (WCAG 2.5.3): "Ir a la celda R14 · HC T2: mensaje". */}
              <Text className={s.where}>
                <span className={s.srOnly}>Ir a la celda </span>
                {f.cell} · {f.sheet}
                {f.goal ? ` · meta ${f.goal}` : ''}
                <span className={s.srOnly}>: </span>
              </Text>
              <Text className={s.message}>{f.message}</Text>
            </Button>
          </li>
        ))}
      </ul>
      {rest > 0 && (
        <Button appearance="transparent" size="small" className={s.more} onClick={() => setShown((n) => n + PAGE_SIZE)}>
          Mostrar {Math.min(rest, PAGE_SIZE).toLocaleString('es-CO')} más (quedan {rest.toLocaleString('es-CO')})
        </Button>
      )}
    </>
  );
}
