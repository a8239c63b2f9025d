/** Ajustes kept in the workbook: entity, vigencia, cut-off date, lag threshold. */
import { useId, useState, type FormEvent } from 'react';
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { Save20Regular } from '@fluentui/react-icons';
import type { WorkbookSettings } from '../../app/ports';
import { settingsProblem } from '../../app/settings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase300 },
  save: { alignSelf: 'flex-start' },
});

export interface SettingsPanelProps {
  readonly settings: WorkbookSettings;
  readonly busy: boolean;
  readonly onSave: (settings: WorkbookSettings) => void;
}

interface Draft {
  entity: string;
  vigencia: string;
  cutoff: string;
  lag: string;
}

type Errors = Partial<Record<keyof Draft, string>>;

function toDraft(s: WorkbookSettings): Draft {
  return {
    entity: s.entity ?? '',
    vigencia: s.vigencia !== undefined ? String(s.vigencia) : '',
    cutoff: s.cutoff ?? '',
    lag: s.lagThreshold !== undefined ? String(Math.round(s.lagThreshold * 1000) / 10).replace('.', ',') : '',
  };
}

/**
 * Checks the draft with the same schemas that guard the settings read back from the document
 * (src/app/settings.ts); returns the settings or the Spanish message of each wrong field.
 */
function parseDraft(d: Draft, base: WorkbookSettings): { settings?: WorkbookSettings; errors: Errors } {
  const errors: Errors = {};
  const next: WorkbookSettings = { ...base };
  const entity = d.entity.trim();
  next.entity = entity || undefined;
  if (d.vigencia.trim()) {
    const v = Number(d.vigencia.trim());
    if (settingsProblem('vigencia', v)) errors.vigencia = 'Escriba un año de cuatro cifras, por ejemplo 2025.';
    else next.vigencia = v;
  } else next.vigencia = undefined;
  if (d.cutoff.trim()) {
    const c = d.cutoff.trim();
    if (settingsProblem('cutoff', c)) errors.cutoff = 'Escriba una fecha válida (AAAA-MM-DD).';
    else next.cutoff = c;
  } else next.cutoff = undefined;
  // A cut-off outside the vigencia is refused, as `--corte` with `--vigencia` is (real-formats.md).
  if (!errors.vigencia && !errors.cutoff && next.vigencia !== undefined && next.cutoff && Number(next.cutoff.slice(0, 4)) !== next.vigencia) {
    errors.cutoff = `La fecha de corte debe ser de la vigencia ${next.vigencia}; cambie la fecha o la vigencia.`;
  }
  if (d.lag.trim()) {
    const p = Number(d.lag.trim().replace('%', '').replace(',', '.'));
    if (!Number.isFinite(p) || p < 1 || settingsProblem('lagThreshold', p / 100)) errors.lag = 'Escriba un porcentaje entre 1 y 100.';
    else next.lagThreshold = p / 100;
  } else next.lagThreshold = undefined;
  return Object.keys(errors).length ? { errors } : { settings: next, errors };
}

export function SettingsPanel({ settings, busy, onSave }: SettingsPanelProps) {
  const s = useStyles();
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const [errors, setErrors] = useState<Errors>({});
  const titleId = useId();
  const set = (k: keyof Draft) => (_: unknown, data: { value: string }) => setDraft((d) => ({ ...d, [k]: data.value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseDraft(draft, settings);
    setErrors(parsed.errors);
    if (parsed.settings) onSave(parsed.settings);
  };

  return (
    <form className={s.root} onSubmit={submit} aria-labelledby={titleId} noValidate>
      <h2 id={titleId} className={s.title}>
        Ajustes de este libro
      </h2>
      <Field label="Entidad" hint="Aparece en los títulos, por ejemplo «Alcaldía de San Juan de Pasto».">
        <Input value={draft.entity} onChange={set('entity')} />
      </Field>
      <Field label="Vigencia" hint="En las hojas de varios años (plan indicativo, PDM) se leen las columnas de este año. Si la deja vacía, se toma de la hoja." validationMessage={errors.vigencia} validationState={errors.vigencia ? 'error' : 'none'}>
        <Input type="number" inputMode="numeric" value={draft.vigencia} onChange={set('vigencia')} placeholder="2025" />
      </Field>
      <Field label="Fecha de corte" hint="Si la deja vacía se usa la fecha de corte de la hoja o la de hoy." validationMessage={errors.cutoff} validationState={errors.cutoff ? 'error' : 'none'}>
        <Input type="date" value={draft.cutoff} onChange={set('cutoff')} />
      </Field>
      <Field
        label="Umbral de rezago (%)"
        hint="Una meta con cumplimiento por debajo de este porcentaje queda «atrasada». Por omisión, 80 %."
        validationMessage={errors.lag}
        validationState={errors.lag ? 'error' : 'none'}
      >
        <Input inputMode="decimal" value={draft.lag} onChange={set('lag')} placeholder="80" contentAfter="%" />
      </Field>
      <Button type="submit" appearance="primary" icon={<Save20Regular />} className={s.save} disabled={busy}>
        Guardar ajustes
      </Button>
    </form>
  );
}
