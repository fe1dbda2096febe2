import { reliabilityKindNames } from '../instruments/describe-reliability.ts';
import type { Instrument } from '../instruments/instrument.ts';
import type { CsvCell } from '../text/format-csv.ts';
import type { ChangeFigures, TrendFigures } from './outcome-cells.ts';
import type { PublishedCell, PublishedOutcomeView } from './outcome-publication.ts';
import { publishOutcomes } from './outcome-publication.ts';
import type {
  Breakdown,
  Change,
  Distribution,
  GroupRef,
  Hidden,
  OutcomeResponse,
  Outcomes,
  OutcomeWindow,
  ReliableChangeCounts,
  TrendPoint,
} from './outcome-types.ts';

export { notRecordedKey } from './outcome-cells.ts';
export * from './outcome-types.ts';

/**
 * One outcomes dashboard — trends across windows, the distribution of the focus window and change
 * from a baseline window to it, overall and per group — read out of a published view. Nothing is
 * released here: every cell was decided when the whole publication was gated together
 * (`outcome-publication.ts`), so this only picks the focus and baseline asked for.
 */
export function selectOutcomes(
  instrument: Instrument,
  view: PublishedOutcomeView,
  query: { focusWindowId?: string | null; baselineWindowId?: string | null } = {},
): Outcomes {
  const answered = view.answeredWindowIds;
  const focusWindowId = query.focusWindowId ?? answered[answered.length - 1] ?? null;
  const focusIndex = focusWindowId === null ? -1 : answered.indexOf(focusWindowId);
  const defaultBaseline = answered[0] && answered[0] !== focusWindowId ? answered[0] : null;
  const baselineWindowId = query.baselineWindowId ?? (focusIndex > 0 ? defaultBaseline : null);
  const labelOf = (key: string) => view.groups.find((group) => group.key === key)?.label ?? key;
  const refOf = (part: string | undefined): GroupRef =>
    part?.startsWith('g:') ? { key: part.slice(2), label: labelOf(part.slice(2)) } : null;
  const hidden = (cell: Hidden): Hidden => ({
    status: 'hidden',
    reason: cell.reason,
    explanation: cell.explanation,
  });
  const cellOf = (id: string): PublishedCell | undefined => view.cells[id];
  const countOf = (id: string): number | null => {
    const cell = cellOf(id);
    return cell?.status === 'released' ? cell.n : null;
  };
  const pairing = baselineWindowId && focusWindowId ? `c:${baselineWindowId}>${focusWindowId}` : null;
  let hiddenCount = 0;

  const trend: TrendPoint[] = [];
  const distributionGroups: { group: GroupRef; cellId: string }[] = [];
  const changeGroups: { group: GroupRef; cellId: string }[] = [];
  for (const [id, cell] of Object.entries(view.cells)) {
    const isShown =
      (id.startsWith('w:') && (!id.includes('|s:') || id.startsWith(`w:${focusWindowId}|`))) ||
      (pairing !== null && (id === pairing || id.startsWith(`${pairing}|`)));
    if (!isShown) continue;
    if (cell.status === 'hidden') hiddenCount++;
    const parts = id.split('|');
    if (id.startsWith('w:') && !id.includes('|s:')) {
      const windowId = (parts[0] as string).slice(2);
      trend.push({
        windowId,
        group: refOf(parts[1]),
        result:
          cell.status === 'released'
            ? { status: 'released', n: cell.n, subscales: (cell.figures as TrendFigures).subscales }
            : hidden(cell),
      });
      if (windowId === focusWindowId) distributionGroups.push({ group: refOf(parts[1]), cellId: id });
    } else if (
      pairing !== null &&
      (parts.length === 1 || (parts.length === 2 && parts[1]?.startsWith('g:')))
    ) {
      changeGroups.push({ group: refOf(parts[1]), cellId: id });
    }
  }

  const distributions: Distribution[] = distributionGroups.flatMap(({ group, cellId }) => {
    const groupCell = cellOf(cellId) as PublishedCell;
    return instrument.subscales.map((subscale): Distribution => {
      const subscaleId = subscale.id;
      if (groupCell.status !== 'released') return { group, subscaleId, result: hidden(groupCell) };
      return {
        group,
        subscaleId,
        result: {
          status: 'released',
          n: groupCell.n,
          bands: subscale.bands.map((band) => ({
            bandId: band.id,
            label: band.label,
            count: countOf(`${cellId}|s:${subscaleId}/band/${band.id}`),
          })),
        },
      };
    });
  });

  const change: Change[] = changeGroups.map(({ group, cellId }) => {
    const cell = cellOf(cellId) as PublishedCell;
    const parts = [cell, cellOf(`${cellId}|before`), cellOf(`${cellId}|after`)];
    const hiddenPart = parts.find((part): part is Hidden => part?.status === 'hidden');
    if (hiddenPart || cell.status !== 'released') return { group, result: hidden(hiddenPart as Hidden) };
    const figures = cell.figures as ChangeFigures;
    return {
      group,
      result: {
        status: 'released',
        n: cell.n,
        subscales: figures.subscales.map((summary) => {
          const threshold = figures.thresholds[summary.subscaleId] ?? {
            status: 'not-computed' as const,
            message: 'Not computed.',
          };
          const category = (name: string) =>
            countOf(`${cellId}|s:${summary.subscaleId}/reliable-change/${name}`);
          // The threshold comes from the baseline window's whole cohort: shown only if that is.
          const isCohortReleased = cellOf(`cohort:${baselineWindowId}`)?.status === 'released';
          const reliableChange: ReliableChangeCounts =
            threshold.status !== 'computed'
              ? threshold
              : isCohortReleased
                ? {
                    ...threshold,
                    improved: category('improved'),
                    deteriorated: category('deteriorated'),
                    noReliableChange: category('no-reliable-change'),
                  }
                : {
                    status: 'not-computed',
                    message: 'Reliable change is not shown: the baseline window’s group is hidden.',
                  };
          return { ...summary, reliableChange };
        }),
      },
    };
  });

  return {
    instrumentId: view.instrumentId,
    minimumGroupSize: view.minimumGroupSize,
    breakdown: view.breakdown,
    windows: view.windows.map(({ id, title, opensAt }) => ({ id, title, opensAt })),
    focusWindowId,
    baselineWindowId,
    groups: view.groups,
    trend,
    distributions,
    change,
    hiddenCount,
  };
}

/**
 * One view worked out directly from responses, for tests and tools: the whole publication is made
 * (so its figures are the ones the gate would show together) and this view is read out of it.
 */
export function buildOutcomes(input: {
  instrument: Instrument;
  windows: readonly OutcomeWindow[];
  responses: readonly OutcomeResponse[];
  breakdown: Breakdown;
  groupLabels?: Readonly<Record<string, string>>;
  programId?: string | null;
  focusWindowId?: string | null;
  baselineWindowId?: string | null;
  minimumGroupSize: number;
}): Outcomes {
  const publication = publishOutcomes(input);
  const view = publication.views.find(
    (candidate) =>
      candidate.programId === (input.programId ?? null) && candidate.breakdown === input.breakdown,
  ) as PublishedOutcomeView;
  return selectOutcomes(input.instrument, view, input);
}

/** Every figure a released outcomes view holds, one row each, for a CSV file. Hidden cells give no row. */
export function outcomesToCsvRows(instrument: Instrument, outcomes: Outcomes): CsvCell[][] {
  const header = [
    'section',
    'window',
    'baseline_window',
    'breakdown',
    'group',
    'subscale',
    'band_or_category',
    'n',
    'count',
    'mean',
    'sd',
    'mean_before',
    'mean_after',
    'mean_change',
    'ci95_lower',
    'ci95_upper',
    'cohens_dz',
    'hedges_g_av',
    'reliable_change_threshold',
    'reliability',
    'reliability_coefficient',
    'reliability_source',
  ];
  // Columns only reliable-change rows fill: the threshold and the reliability it was worked out with.
  const noReliability = ['', '', '', ''];
  const titleOf = (windowId: string | null) =>
    outcomes.windows.find((window) => window.id === windowId)?.title ?? '';
  const nameOf = (subscaleId: string) =>
    instrument.subscales.find((subscale) => subscale.id === subscaleId)?.name ?? subscaleId;
  const groupOf = (group: GroupRef) => (group ? group.label : 'All');
  // Figures stay numbers (rounded, never text), so the CSV writer leaves a negative change a number.
  const number = (value: number | null | undefined, digits = 2) =>
    value === null || value === undefined ? null : Number(value.toFixed(digits));
  const rows: CsvCell[][] = [header];
  for (const point of outcomes.trend) {
    if (point.result.status !== 'released') continue;
    for (const subscale of point.result.subscales) {
      rows.push([
        'trend',
        titleOf(point.windowId),
        '',
        outcomes.breakdown,
        groupOf(point.group),
        nameOf(subscale.subscaleId),
        '',
        point.result.n,
        '',
        number(subscale.mean),
        number(subscale.standardDeviation),
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        ...noReliability,
      ]);
    }
  }
  for (const distribution of outcomes.distributions) {
    if (distribution.result.status !== 'released') continue;
    for (const band of distribution.result.bands) {
      if (band.count === null) continue;
      rows.push([
        'distribution',
        titleOf(outcomes.focusWindowId),
        '',
        outcomes.breakdown,
        groupOf(distribution.group),
        nameOf(distribution.subscaleId),
        band.label,
        distribution.result.n,
        band.count,
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        ...noReliability,
      ]);
    }
  }
  for (const entry of outcomes.change) {
    if (entry.result.status !== 'released') continue;
    for (const subscale of entry.result.subscales) {
      rows.push([
        'change',
        titleOf(outcomes.focusWindowId),
        titleOf(outcomes.baselineWindowId),
        outcomes.breakdown,
        groupOf(entry.group),
        nameOf(subscale.subscaleId),
        '',
        entry.result.n,
        '',
        '',
        '',
        number(subscale.meanBefore),
        number(subscale.meanAfter),
        number(subscale.meanChange),
        number(subscale.confidenceInterval?.lower),
        number(subscale.confidenceInterval?.upper),
        number(subscale.cohensDz),
        number(subscale.hedgesGav),
        ...noReliability,
      ]);
      const rc = subscale.reliableChange;
      if (rc.status !== 'computed') continue;
      for (const [label, count] of [
        ['reliably improved', rc.improved],
        ['reliably deteriorated', rc.deteriorated],
        ['no reliable change', rc.noReliableChange],
      ] as const) {
        if (count === null) continue;
        rows.push([
          'reliable-change',
          titleOf(outcomes.focusWindowId),
          titleOf(outcomes.baselineWindowId),
          outcomes.breakdown,
          groupOf(entry.group),
          nameOf(subscale.subscaleId),
          label,
          entry.result.n,
          count,
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          // Which reliability the index used, named as the report and the dashboard name it.
          number(rc.reliableChangeThreshold),
          reliabilityKindNames[rc.reliability.kind],
          rc.reliability.coefficient,
          rc.reliability.source,
        ]);
      }
    }
  }
  return rows;
}
