/**
 * The task pane. It gets its actions as props (`PaneActions`, built by the controller over a
 * WorkbookHost), so it renders and is tested without Office.
 */
import { lazy, Suspense, useState } from 'react';
import { Spinner, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import type { PaneActions } from './controller';
import type { ApprovalActions } from './approval';
import { usePane } from './usePane';
import { Header } from './components/Header';
import { ProgressArea } from './components/ProgressArea';
import { StatusBar } from './components/StatusBar';
import { ValidatePanel } from './components/ValidatePanel';
import type { ConsolidarActions } from './consolidar';
import type { ConsolidarOutcome } from '../app/consolidate-picked';

// Code only one tab needs loads when the tab is first opened (README «Rendimiento»): Generar's
// panel, and Ajustes with the zod schema behind its checks.
const GeneratePanel = lazy(() => import(/* webpackChunkName: "generar-panel" */ './components/GeneratePanel.js').then((m) => ({ default: m.GeneratePanel })));
const ConsolidarPanel = lazy(() => import(/* webpackChunkName: "consolidar-panel" */ './components/ConsolidarPanel.js').then((m) => ({ default: m.ConsolidarPanel })));
const ApprovalPanel = lazy(() => import(/* webpackChunkName: "aprobacion" */ './components/ApprovalPanel.js').then((m) => ({ default: m.ApprovalPanel })));
const SettingsPanel = lazy(() => import(/* webpackChunkName: "ajustes" */ './components/SettingsPanel.js').then((m) => ({ default: m.SettingsPanel })));
// «En este libro»: the reading and the user's mapping (with the zod schema behind it).
const BookPanel = lazy(() => import(/* webpackChunkName: "en-este-libro" */ './components/BookPanel.js').then((m) => ({ default: m.BookPanel })));

type TabId = 'validar' | 'generar' | 'libro' | 'consolidar' | 'plan' | 'ajustes';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: '100vh',
    minWidth: 0,
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  tabs: {
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    // At 320 px the tabs take two lines rather than overflow the pane.
    flexWrap: 'wrap',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  panel: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalXXL}`, minWidth: 0 },
});

export interface AppProps {
  readonly actions: PaneActions;
  /** Consolidar (the units' files into this workbook); without it the tab is not shown. */
  readonly consolidar?: ConsolidarActions;
  /** Aprobar plan / Registrar modificación (the «Plan» tab); without it the tab is not shown. */
  readonly approval?: ApprovalActions;
}

const tabs: readonly { id: TabId; label: string }[] = [
  { id: 'validar', label: 'Validar' },
  { id: 'generar', label: 'Generar' },
  { id: 'libro', label: 'Libro' },
  { id: 'consolidar', label: 'Consolidar' },
  { id: 'plan', label: 'Plan' },
  { id: 'ajustes', label: 'Ajustes' },
];

export function App({ actions, consolidar, approval }: AppProps) {
  const s = useStyles();
  const [tab, setTab] = useState<TabId>('validar');
  const [state, on] = usePane(actions);
  const [consolidated, setConsolidated] = useState<ConsolidarOutcome | null>(null);
  const busy = state.busy !== null;

  return (
    <div className={s.root}>
      <Header detection={state.detection} detecting={state.detecting} disabled={busy} onRefresh={on.refreshDetection} />
      <main>
        <TabList
          className={s.tabs}
          size="medium"
          selectedValue={tab}
          onTabSelect={(_, d) => setTab(d.value as TabId)}
          aria-label="Secciones del complemento"
        >
          {tabs.filter((t) => (t.id !== 'consolidar' || consolidar) && (t.id !== 'plan' || approval)).map((t) => (
            <Tab key={t.id} value={t.id} id={`tab-${t.id}`} aria-controls={`panel-${t.id}`}>
              {t.label}
            </Tab>
          ))}
        </TabList>
        <ProgressArea busy={state.busy} onCancel={on.cancel} />
        <StatusBar status={state.status} onDismiss={on.dismissStatus} notices={state.notices} onDismissNotices={on.dismissNotices} />
        <div className={s.panel} role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
          {tab === 'validar' && (
            <ValidatePanel
              outcome={state.outcome}
              outcomeScope={state.outcomeScope}
              resultsVersion={state.resultsVersion}
              busy={busy}
              onValidate={on.validate}
              onClearMarks={on.clearMarks}
              onSelect={on.selectFinding}
              ruleTitle={on.ruleTitle}
            />
          )}
          {tab === 'generar' && (
            <Suspense fallback={<Spinner size="tiny" label="Cargando…" />}>
              <GeneratePanel busy={busy} units={state.detection?.units} onGenerate={on.generate} onInforme={on.informe} onInsertTemplate={on.insertTemplate} />
            </Suspense>
          )}
          {tab === 'libro' && (
            <Suspense fallback={<Spinner size="tiny" label="Cargando…" />}>
              <BookPanel actions={actions} busy={busy} />
            </Suspense>
          )}
          {tab === 'consolidar' && consolidar && (
            <Suspense fallback={<Spinner size="tiny" label="Cargando…" />}>
              <ConsolidarPanel
                actions={consolidar}
                busy={busy}
                task={on.task}
                setStatus={on.setStatus}
                outcome={consolidated}
                onOutcome={(o) => {
                  setConsolidated(o);
                  if (o.sheet) on.refreshDetection();
                }}
              />
            </Suspense>
          )}
          {tab === 'plan' && approval && (
            <Suspense fallback={<Spinner size="tiny" label="Cargando…" />}>
              <ApprovalPanel actions={approval} busy={busy} />
            </Suspense>
          )}
          {tab === 'ajustes' &&
            (state.settings ? (
              <Suspense fallback={<Spinner size="tiny" label="Cargando los ajustes…" />}>
                <SettingsPanel key={JSON.stringify(state.settings)} settings={state.settings} busy={busy} onSave={on.saveSettings} />
              </Suspense>
            ) : (
              <Spinner size="tiny" label="Leyendo los ajustes del libro…" />
            ))}
        </div>
      </main>
    </div>
  );
}
