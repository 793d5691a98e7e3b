// Which issue is out of place when the archive's dates and 总期号 disagree. Editors number by
// 总期号, so the archive is read in that order: a conflict is a run of issues whose dates are not in
// that order (a group of issues that no later issue's date can fall before). In each conflict the
// issue (or two) whose removal leaves the rest ordered is the one out of place; its date is blamed,
// or its 总期号 when the 期号 in its year shows that the date is where it belongs. When several
// issues could each be it, the one furthest from where its neighbours put it is, if clearly the
// furthest (misfit). When the evidence does not single out one issue (or one pair), the conflict
// is reported once, naming two of its issues with both fields.

import { yearOf } from '../text/chinese.ts';

/** What the order is read from: an issue's 总期号, date (ISO), 期号 and the year of its folder. */
export interface Placed {
  total: number;
  date: string;
  issue: number;
  year: number;
}

export type Finding<T> =
  /** subject's date is out of place: earlier than other's, of a smaller 总期号 ('before'), or later than other's, of a larger one ('after'). */
  | { kind: 'date'; subject: T; other: T; relation: 'before' | 'after' }
  /** subject's 总期号 is out of place: smaller than other's, of an earlier date ('below'), or larger than other's, of a later date ('above'). */
  | { kind: 'total'; subject: T; other: T; relation: 'below' | 'above' }
  /** No one issue explains it: subject has the later date and the smaller 总期号 of the two. */
  | { kind: 'both'; subject: T; other: T };

interface Entry<T> extends Placed {
  item: T;
}

type Field = 'date' | 'total';

/** Two explanations closer than this (the larger over the smaller misfit) leave the choice open. */
const CLEAR_MARGIN = 1.25;
/** Conflicts larger than this are not searched for two issues out of place (it costs the cube of their size). */
const PAIR_LIMIT = 60;
/** Nor, past this, for one (the square): a conflict of a thousand issues is no slip of one or two. */
const SINGLE_LIMIT = 1000;

const DAY = 86_400_000;
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;

/** a and b disagree: the one with the smaller 总期号 has the later date. */
const conflict = (a: Placed, b: Placed) => (a.total < b.total && a.date > b.date) || (a.total > b.total && a.date < b.date);

/** Entries sorted by 总期号 whose dates never go back. */
function ordered(entries: readonly Placed[]): boolean {
  for (let i = 1; i < entries.length; i++) if (entries[i]!.date < entries[i - 1]!.date) return false;
  return true;
}

/** Its neighbours in rest (ordered both ways) by 总期号, or by date. */
function neighbours<T>(x: Entry<T>, rest: readonly Entry<T>[], by: Field): { before?: Entry<T>; after?: Entry<T> } {
  const isBefore = by === 'total' ? (r: Entry<T>) => r.total < x.total : (r: Entry<T>) => r.date <= x.date;
  let i = 0;
  while (i < rest.length && isBefore(rest[i]!)) i++;
  return { before: rest[i - 1], after: rest[i] };
}

/** The 期号 in a year grows with the issue: x between these two breaks no order of its year. */
function issueFits(x: Placed, before?: Placed, after?: Placed): boolean {
  if (before && before.year === x.year && before.issue >= x.issue) return false;
  if (after && after.year === x.year && after.issue <= x.issue) return false;
  return true;
}

/** Whether x's date could be the slip: put where its 总期号 says, its 期号 and its folder's year still fit. */
function dateCouldBeWrong<T>(x: Entry<T>, rest: readonly Entry<T>[]): boolean {
  const { before, after } = neighbours(x, rest, 'total');
  if (before && yearOf(before.date) > x.year) return false;
  if (after && yearOf(after.date) < x.year) return false;
  return issueFits(x, before, after);
}

/** Whether x's 总期号 could be the slip: put where its date says, its 期号 fits and a 总期号 is free there. */
function totalCouldBeWrong<T>(x: Entry<T>, rest: readonly Entry<T>[]): boolean {
  const { before, after } = neighbours(x, rest, 'date');
  const free = (after?.total ?? Number.POSITIVE_INFINITY) - (before?.total ?? 0) >= 2;
  return free && issueFits(x, before, after);
}

/** How far x's field is from where its neighbours put it: days for a date, numbers for a 总期号. */
function misfit<T>(x: Entry<T>, rest: readonly Entry<T>[], field: Field, spacing: number): number {
  if (field === 'date') {
    const { before, after } = neighbours(x, rest, 'total');
    // Between its neighbours by 总期号, or at an end as far from its neighbour as issues usually are apart.
    const line = before && after && before.total !== after.total ? (dayOf(after.date) - dayOf(before.date)) / (after.total - before.total) : spacing;
    const from = (before ?? after)!;
    return Math.abs(dayOf(x.date) - (dayOf(from.date) + line * (x.total - from.total)));
  }
  const { before, after } = neighbours(x, rest, 'date');
  // In a year, 总期号 − 期号 stays the same from issue to issue: how far x's is from its neighbours'.
  const sameYear = [before, after].filter((n) => n && n.year === x.year) as Entry<T>[];
  if (sameYear.length > 0) return sameYear.reduce((sum, n) => sum + Math.abs(x.total - x.issue - (n.total - n.issue)), 0);
  const expected =
    before && after
      ? before.total + ((dayOf(x.date) - dayOf(before.date)) / Math.max(1, dayOf(after.date) - dayOf(before.date))) * (after.total - before.total)
      : before
        ? before.total + 1
        : after!.total - 1;
  return Math.abs(x.total - expected);
}

/** The field of x that can be the slip, the date first; none when neither can. */
function fieldOf<T>(x: Entry<T>, rest: readonly Entry<T>[]): Field | undefined {
  if (dateCouldBeWrong(x, rest)) return 'date';
  if (totalCouldBeWrong(x, rest)) return 'total';
  return undefined;
}

/** The finding that blames x's field, naming the nearest issue it disagrees with; none when it disagrees with none. */
function blame<T>(x: Entry<T>, field: Field, rest: readonly Entry<T>[], all: readonly Entry<T>[]): Finding<T> | undefined {
  const others = rest.some((r) => conflict(x, r)) ? rest : all.filter((r) => r !== x);
  const pick = (keep: (r: Entry<T>) => boolean, better: (a: Entry<T>, b: Entry<T>) => boolean) =>
    others.filter(keep).reduce<Entry<T> | undefined>((best, r) => (best && !better(r, best) ? best : r), undefined);
  if (field === 'date') {
    const earlier = pick(
      (r) => r.total < x.total && r.date > x.date,
      (a, b) => a.total > b.total,
    );
    if (earlier) return { kind: 'date', subject: x.item, other: earlier.item, relation: 'before' };
    const later = pick(
      (r) => r.total > x.total && r.date < x.date,
      (a, b) => a.total < b.total,
    );
    return later && { kind: 'date', subject: x.item, other: later.item, relation: 'after' };
  }
  const below = pick(
    (r) => r.date < x.date && r.total > x.total,
    (a, b) => a.date > b.date || (a.date === b.date && a.total > b.total),
  );
  if (below) return { kind: 'total', subject: x.item, other: below.item, relation: 'below' };
  const above = pick(
    (r) => r.date > x.date && r.total < x.total,
    (a, b) => a.date < b.date || (a.date === b.date && a.total < b.total),
  )!;
  return { kind: 'total', subject: x.item, other: above.item, relation: 'above' };
}

/** The conflict as one finding naming two issues: the first, by date, whose 总期号 is smaller than an earlier one's. */
function both<T>(conflicting: readonly Entry<T>[]): Finding<T> {
  const byDate = [...conflicting].sort((a, b) => a.date.localeCompare(b.date) || a.total - b.total);
  let largest = byDate[0]!;
  for (const x of byDate.slice(1)) {
    if (x.total < largest.total && x.date > largest.date) return { kind: 'both', subject: x.item, other: largest.item };
    if (x.total > largest.total) largest = x;
  }
  // Unreachable for a conflict, whose dates are out of order: named by its first two by 总期号.
  return { kind: 'both', subject: conflicting[1]!.item, other: conflicting[0]!.item };
}

/** The groups of one or two issues whose removal leaves the conflict ordered: one when there is any. */
function removals<T>(conflicting: readonly Entry<T>[]): Entry<T>[][] {
  if (conflicting.length > SINGLE_LIMIT) return [];
  const singles = conflicting.filter((x) => ordered(conflicting.filter((e) => e !== x)));
  if (singles.length > 0 || conflicting.length > PAIR_LIMIT) return singles.map((x) => [x]);
  const pairs: Entry<T>[][] = [];
  for (let i = 0; i < conflicting.length; i++) {
    for (let j = i + 1; j < conflicting.length; j++) {
      const x = conflicting[i]!;
      const y = conflicting[j]!;
      if (ordered(conflicting.filter((e) => e !== x && e !== y))) pairs.push([x, y]);
    }
  }
  return pairs;
}

/** The findings of one conflict: the issues out of place, or the two issues named together. */
function explain<T>(conflicting: readonly Entry<T>[], context: readonly Entry<T>[], spacing: number): Finding<T>[] {
  const options = removals(conflicting).flatMap((group) => {
    const rest = context.filter((e) => !group.includes(e));
    const fields = group.map((x) => fieldOf(x, rest));
    return fields.every((f) => f !== undefined) ? [{ group, fields: fields as Field[], rest }] : [];
  });
  let chosen = options.length === 1 ? options[0] : undefined;
  if (options.length > 1 && options.every((o) => o.group.length === 1 && o.fields[0] === options[0]!.fields[0])) {
    // Several single issues could be the one: the one furthest from where its neighbours put it, when clearly so.
    const scored = options.map((o) => ({ o, score: misfit(o.group[0]!, o.rest, o.fields[0]!, spacing) })).sort((a, b) => b.score - a.score);
    if (scored[0]!.score > CLEAR_MARGIN * scored[1]!.score) chosen = scored[0]!.o;
  }
  if (!chosen) return [both(conflicting)];
  const { group, fields, rest } = chosen;
  const blamed = group.map((x, i) => blame(x, fields[i]!, rest, context));
  return blamed.every((f) => f !== undefined) ? blamed : [both(conflicting)];
}

/**
 * The issues out of place, each conflict once. Issues of the same 总期号 (reported as repeats
 * elsewhere) are read in date order.
 */
export function findOutOfPlace<T>(items: readonly T[], placed: (item: T) => Placed): Finding<T>[] {
  const all: Entry<T>[] = items.map((item) => ({ ...placed(item), item })).sort((a, b) => a.total - b.total || a.date.localeCompare(b.date));
  // A conflict ends where every date before is at most every date after.
  const laterMin: string[] = [];
  for (let i = all.length - 1; i >= 0; i--) {
    const date = all[i]!.date;
    const next = laterMin[i + 1];
    laterMin[i] = next !== undefined && next < date ? next : date;
  }
  // Days from one 总期号 to the next, as the archive usually has them: the median, which a slip does not move.
  const steps = all
    .slice(1)
    .map((e, i) => ({ days: dayOf(e.date) - dayOf(all[i]!.date), totals: e.total - all[i]!.total }))
    .filter((step) => step.totals > 0)
    .map((step) => step.days / step.totals)
    .sort((a, b) => a - b);
  const spacing = steps[Math.floor(steps.length / 2)] ?? 0;
  // The conflicts: runs that end where every date before is at most every date after.
  const runs: Entry<T>[][] = [];
  let start = 0;
  let earlierMax = '';
  for (let end = 1; end <= all.length; end++) {
    if (all[end - 1]!.date > earlierMax) earlierMax = all[end - 1]!.date;
    if (end < all.length && earlierMax > laterMin[end]!) continue;
    runs.push(all.slice(start, end));
    start = end;
  }
  const findings: Finding<T>[] = [];
  runs.forEach((run, k) => {
    if (run.length < 2) return;
    // Read with the two issues in no conflict either side of it, whose places are sure.
    const settled = (r: Entry<T>[]) => (r.length === 1 ? r : []);
    const before = runs.slice(0, k).flatMap(settled).slice(-2);
    const after = runs
      .slice(k + 1)
      .flatMap(settled)
      .slice(0, 2);
    findings.push(...explain(run, [...before, ...run, ...after], spacing));
  });
  return findings;
}
