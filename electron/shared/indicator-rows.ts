// Which indicators take a line in a summary table (the page, the annual report, the CSV): those
// with a figure. A breakdown alone (a typology) is shown as its chart and table instead.
export const hasFigure = (i: { value: number | null; previous: number | null; base?: unknown }): boolean =>
  i.value !== null || i.previous !== null || i.base !== undefined;
