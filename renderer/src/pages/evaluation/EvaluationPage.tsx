import { FormEvent, useState } from 'react';
import { api, ApiError, EvaluationReport, Indicator } from '../../api';
import { ErrorAlert } from '../../components/Alert';
import { Field, SelectField } from '../../components/Field';
import { useLoaded } from '../../components/useList';
import { saveDocument } from '../../documents';
import { formatDay } from '../../labels';
import { systemClock, today } from '../../../../electron/shared/dates';
import { BarChart } from '../../../../electron/charts/bar-chart';
import { hasFigure } from '../../../../electron/shared/indicator-rows';

type Period = { from: string; to: string };
const yearPeriod = (year: number): Period => ({ from: `${year}-01-01`, to: `${year}-12-31` });
const periodText = (p: Period) => `du ${formatDay(p.from)} au ${formatDay(p.to)}`;

function figure(i: Indicator, value: number | null): string {
  if (value === null) return '—';
  const text = String(value).replace('.', ',');
  return i.unit === 'percent' ? `${text} %` : i.unit === 'days' ? `${text} j` : text;
}

function trend(i: Indicator): string {
  if (i.value === null || i.previous === null || i.unit !== 'count') return '';
  const delta = i.value - i.previous;
  return delta === 0 ? '=' : delta > 0 ? `+${delta}` : String(delta);
}

/** A breakdown: the chart, and its table for whoever cannot read the chart. */
function Breakdown({ indicator }: { indicator: Indicator }) {
  const rows = indicator.breakdown ?? [];
  return (
    <figure className="chart">
      <figcaption>
        <h3>{indicator.label}</h3>
      </figcaption>
      {rows.every((r) => r.value === 0 && r.previous === 0) ? (
        <p className="empty">Rien à représenter sur ces deux périodes.</p>
      ) : (
        <div className="chart-frame">
          <BarChart rows={rows} title={`${indicator.label} : graphique, les valeurs sont dans le tableau qui suit`} />
        </div>
      )}
      <details>
        <summary>Tableau des valeurs : {indicator.label}</summary>
        <table className="data">
          <caption className="visually-hidden">{indicator.label}</caption>
          <thead>
            <tr>
              <th scope="col">Catégorie</th>
              <th scope="col">Période</th>
              <th scope="col">Période précédente</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td>{r.value}</td>
                <td>{r.previous}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/**
 * The evaluation's indicators for a civil year or any period, beside the period before: the true
 * figures for the coordination; every export applies the small-count rule (« < 3 »).
 */
export function EvaluationPage() {
  const thisYear = Number(today(systemClock).slice(0, 4));
  const [mode, setMode] = useState<'year' | 'custom'>('year');
  const [year, setYear] = useState(String(thisYear));
  const [custom, setCustom] = useState<Period>({ from: `${thisYear}-01-01`, to: today(systemClock) });
  const [period, setPeriod] = useState<Period>(yearPeriod(thisYear));
  const { value: report, error } = useLoaded(() => api.evaluation.indicators(period), period);
  const [exportError, setExportError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setPeriod(mode === 'year' ? yearPeriod(Number(year)) : custom);
  };
  const download = async (format: 'pdf' | 'docx' | 'csv') => {
    setBusy(format);
    setExportError(null);
    const result = await api.evaluation.export({ period, format });
    setBusy(null);
    if (result.ok) saveDocument(result.value);
    else setExportError(result.error);
  };
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear - i));
  return (
    <section>
      <h1>Évaluation</h1>
      <form onSubmit={apply} className="filters" noValidate aria-label="Période">
        <SelectField
          label="Période"
          value={mode}
          onChange={(v) => setMode(v as 'year' | 'custom')}
          options={[
            { value: 'year', label: 'Année civile' },
            { value: 'custom', label: 'Période au choix' },
          ]}
        />
        {mode === 'year' ? (
          <SelectField label="Année" value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: y }))} />
        ) : (
          <>
            <Field label="Du" type="date" value={custom.from} onChange={(e) => setCustom({ ...custom, from: e.target.value })} />
            <Field label="Au" type="date" value={custom.to} onChange={(e) => setCustom({ ...custom, to: e.target.value })} />
          </>
        )}
        <div className="actions">
          <button type="submit" className="primary">
            Afficher
          </button>
        </div>
      </form>
      {error && <ErrorAlert error={{ code: 'INVALID_INPUT', message: error }} />}
      {report && <ReportView report={report} />}
      <h2>Exports</h2>
      <p>
        Le bilan et le tableau de suivi sont établis à partir de données agrégées : aucune personne n’y est nommée, et tout effectif de
        personnes ou de situations inférieur à 3 y est indiqué « &lt;&nbsp;3 ». Les réunions, les structures et les outils sont comptés tels
        quels.
      </p>
      {exportError && <ErrorAlert error={exportError} />}
      <p role="status" className="muted">
        {busy === 'pdf' && 'Préparation du bilan PDF : calcul des indicateurs, graphiques et mise en page…'}
        {busy === 'docx' && 'Préparation du bilan Word : calcul des indicateurs, graphiques et mise en page…'}
        {busy === 'csv' && 'Préparation du tableau des indicateurs…'}
      </p>
      <div className="actions">
        <button type="button" className="primary" disabled={busy !== null} onClick={() => void download('pdf')}>
          {busy === 'pdf' ? 'Préparation du bilan…' : 'Télécharger le bilan (PDF)'}
        </button>
        <button type="button" className="secondary" disabled={busy !== null} onClick={() => void download('docx')}>
          {busy === 'docx' ? 'Préparation du bilan…' : 'Télécharger le bilan modifiable (Word)'}
        </button>
        <button type="button" className="secondary" disabled={busy !== null} onClick={() => void download('csv')}>
          {busy === 'csv' ? 'Préparation du tableau…' : 'Télécharger les indicateurs (CSV)'}
        </button>
      </div>
    </section>
  );
}

function ReportView({ report }: { report: EvaluationReport }) {
  return (
    <>
      <p>
        Période {periodText(report.period)}, comparée à la période {periodText(report.previousPeriod)}.
      </p>
      {report.sections.map((s) => (
        <section key={s.code} aria-labelledby={`section-${s.code}`}>
          <h2 id={`section-${s.code}`}>{s.title}</h2>
          <table className="data">
            <caption className="visually-hidden">{s.title}</caption>
            <thead>
              <tr>
                <th scope="col">Indicateur</th>
                <th scope="col">Période</th>
                <th scope="col">Période précédente</th>
                <th scope="col">Évolution</th>
                <th scope="col">Recueil</th>
              </tr>
            </thead>
            <tbody>
              {s.indicators.filter(hasFigure).map((i) => (
                <tr key={i.code}>
                  <th scope="row">{i.label}</th>
                  <td>{figure(i, i.value)}</td>
                  <td>{figure(i, i.previous)}</td>
                  <td>{trend(i)}</td>
                  <td>{i.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {s.indicators
            .filter((i) => i.breakdown && i.breakdown.length > 0)
            .map((i) => (
              <Breakdown key={i.code} indicator={i} />
            ))}
        </section>
      ))}
    </>
  );
}
