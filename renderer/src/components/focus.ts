/** The first control of a form one types in: where the focus goes when an inline form opens or is saved. */
export function firstField(root: HTMLElement | null): HTMLElement | null {
  return (
    root?.querySelector<HTMLElement>('input:not([type="hidden"]):not(:disabled), select:not(:disabled), textarea:not(:disabled)') ?? null
  );
}
