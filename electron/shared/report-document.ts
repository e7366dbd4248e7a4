// The annual report as its documents receive it: the PDF (pdf/) and the Word twin (docx/) take this
// model and these fixed sentences, and nothing from the services that build it (lint). Every
// figure in it is already written through the small-count rule (services/evaluation/disclosure.ts).

/** With a no-break space, so that « < » and « 3 » never part at the end of a line or a cell. */
export const SMALL_COUNT = '<\u00A03';

/** One bar of a chart: the period beside the one before it. */
export interface ChartRow {
  label: string;
  value: number;
  previous: number;
}

export interface ReportDetail {
  code: string;
  title: string;
  /** Label, period, previous period: figures as written. */
  rows: [string, string, string][];
  /** Small values drawn as nothing; their label marked « * ». */
  chart: ChartRow[];
  hasSmall: boolean;
}

export interface ReportSection {
  title: string;
  /** Label, period, previous period, source. */
  summary: [string, string, string, string][];
  details: ReportDetail[];
}

export interface ReportModel {
  title: string;
  establishmentName: string;
  periodLabel: string;
  previousLabel: string;
  issuedOn: string;
  sections: ReportSection[];
}

/** The report's opening note, the same in the PDF and the Word document. */
export const REPORT_INTRO =
  'Ce bilan présente les indicateurs d’évaluation du dispositif (processus, résultats de la commission, formation croisée, coordination). ' +
  `Il est établi à partir de données agrégées et anonymisées : aucune personne n’y est nommée, et tout effectif de personnes ou de situations inférieur à 3 est indiqué « ${SMALL_COUNT} » ; les réunions, les structures et les outils sont comptés tels quels. ` +
  'Projet soumis au comité de pilotage, qui peut l’amender avant de l’adopter.';

/** In place of a chart where no value could be drawn (none in the period, or all below 3). */
export const NO_CHART = 'Pas de graphique : aucune valeur à représenter (effectifs nuls ou inférieurs à 3) ; voir le tableau.';

export const SMALL_NOTE = `* Effectif inférieur à 3 : il est indiqué « ${SMALL_COUNT} » et n’est pas représenté sur le graphique.`;
