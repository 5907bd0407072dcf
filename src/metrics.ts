/** A small Prometheus text-format registry: counters and histograms with labels. */
const DEFAULT_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

type Labels = Record<string, string | number>;
export const labelKey = (labels: Labels) => key(labels);
const key = (labels: Labels) =>
  Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}="${String(v).replace(/["\\\n]/g, '_')}"`)
    .join(',');

export interface MetricsSnapshot {
  counters: Array<[name: string, help: string, values: Array<[labels: string, value: number]>]>;
  histograms: Array<[name: string, help: string, values: Array<[labels: string, counts: number[], sum: number, count: number]>]>;
}

export class Metrics {
  #gauges = new Map<string, { help: string; values: Map<string, number> }>();
  #collectors: (() => Promise<void>)[] = [];
  #counters = new Map<string, { help: string; values: Map<string, number> }>();
  #histograms = new Map<string, { help: string; buckets: number[]; values: Map<string, { counts: number[]; sum: number; count: number }> }>();

  inc(name: string, help: string, labels: Labels = {}, by = 1): void {
    this.incKey(name, help, key(labels), by);
  }

  /** For hot paths: `labelKey` as built by `labelKey()`, computed once by the caller. */
  incKey(name: string, help: string, k: string, by = 1): void {
    let c = this.#counters.get(name);
    if (!c) this.#counters.set(name, (c = { help, values: new Map() }));
    c.values.set(k, (c.values.get(k) ?? 0) + by);
  }

  /** A value that goes up and down (a rate, a count read from the store), as last set. */
  set(name: string, help: string, labels: Labels, value: number): void {
    let g = this.#gauges.get(name);
    if (!g) this.#gauges.set(name, (g = { help, values: new Map() }));
    g.values.set(key(labels), value);
  }

  /** Work that sets gauges from elsewhere (the store), run by `collect()` before each scrape. */
  onCollect(collector: () => Promise<void>): void {
    this.#collectors.push(collector);
  }

  async collect(): Promise<void> {
    for (const c of this.#collectors) await c();
  }

  observe(name: string, help: string, labels: Labels, seconds: number): void {
    this.observeKey(name, help, key(labels), seconds);
  }

  observeKey(name: string, help: string, k: string, seconds: number): void {
    let h = this.#histograms.get(name);
    if (!h) this.#histograms.set(name, (h = { help, buckets: DEFAULT_BUCKETS, values: new Map() }));
    let v = h.values.get(k);
    if (!v) h.values.set(k, (v = { counts: h.buckets.map(() => 0), sum: 0, count: 0 }));
    for (let i = 0; i < h.buckets.length; i++) if (seconds <= h.buckets[i]!) v.counts[i]!++;
    v.sum += seconds;
    v.count++;
  }

  /** Plain data, for adding up the metrics of several processes (gateway workers). */
  snapshot(): MetricsSnapshot {
    return {
      counters: [...this.#counters].map(([name, c]) => [name, c.help, [...c.values]]),
      histograms: [...this.#histograms].map(([name, h]) => [name, h.help, [...h.values].map(([k, v]) => [k, v.counts, v.sum, v.count])]),
    };
  }

  add(snap: MetricsSnapshot): void {
    for (const [name, help, values] of snap.counters) for (const [k, v] of values) this.incKey(name, help, k, v);
    for (const [name, help, values] of snap.histograms) {
      let h = this.#histograms.get(name);
      if (!h) this.#histograms.set(name, (h = { help, buckets: DEFAULT_BUCKETS, values: new Map() }));
      for (const [k, counts, sum, count] of values) {
        let v = h.values.get(k);
        if (!v) h.values.set(k, (v = { counts: h.buckets.map(() => 0), sum: 0, count: 0 }));
        counts.forEach((c, i) => (v.counts[i]! += c));
        v.sum += sum;
        v.count += count;
      }
    }
  }

  render(): string {
    const out: string[] = [];
    for (const [name, g] of this.#gauges) {
      out.push(`# HELP ${name} ${g.help}`, `# TYPE ${name} gauge`);
      for (const [k, v] of g.values) out.push(`${name}${k ? `{${k}}` : ''} ${v}`);
    }
    for (const [name, c] of this.#counters) {
      out.push(`# HELP ${name} ${c.help}`, `# TYPE ${name} counter`);
      for (const [k, v] of c.values) out.push(`${name}${k ? `{${k}}` : ''} ${v}`);
    }
    for (const [name, h] of this.#histograms) {
      out.push(`# HELP ${name} ${h.help}`, `# TYPE ${name} histogram`);
      for (const [k, v] of h.values) {
        const sep = k ? `${k},` : '';
        h.buckets.forEach((b, i) => out.push(`${name}_bucket{${sep}le="${b}"} ${v.counts[i]}`));
        out.push(`${name}_bucket{${sep}le="+Inf"} ${v.count}`, `${name}_sum${k ? `{${k}}` : ''} ${v.sum}`, `${name}_count${k ? `{${k}}` : ''} ${v.count}`);
      }
    }
    return `${out.join('\n')}\n`;
  }
}
