/** One row of bench/results.json (contract 6): `ratio` = value / baseline, both from this run. */
export interface BenchRow {
  readonly name: string;
  readonly unit: string;
  readonly value: number;
  readonly baseline: number;
  readonly ratio: number;
}

export function row(name: string, unit: string, value: number, baseline: number): BenchRow {
  const round = (n: number) => Number(n.toPrecision(4));
  return {
    name,
    unit,
    value: round(value),
    baseline: round(baseline),
    ratio: round(baseline === 0 ? NaN : value / baseline),
  };
}

/** Mean time per operation (ns) of a completed tinybench task. */
export function nsPerOp(task: { name: string; result: unknown }): number {
  const result = task.result as { state?: string; latency?: { mean: number } };
  if (result.state !== 'completed' || !result.latency) {
    throw new Error(`benchmark ${task.name} did not complete (${String(result.state)})`);
  }
  return result.latency.mean * 1e6;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['benchmark', 'unit', 'value', 'baseline', 'ratio'];
  const lines = rows.map((r) => [
    r.name,
    r.unit,
    String(r.value),
    String(r.baseline),
    `${r.ratio}×`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: string[]) =>
    `| ${cells.map((c, i) => (i >= 2 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  return [
    fmt(header),
    `|${widths.map((w, i) => (i >= 2 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`,
    ...lines.map(fmt),
  ].join('\n');
}
