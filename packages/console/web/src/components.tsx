// Shared pieces: error box, the virtualised table, small form helpers.
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiFailure } from './api';

export function ErrorBox({ error }: { error: ApiFailure | Error | null }): JSX.Element | null {
  if (error === null) return null;
  const code = (error as ApiFailure).code;
  return <div class="error" role="alert">{code !== undefined ? <strong>{code}: </strong> : null}{error.message}</div>;
}

export function Loading({ when }: { when: boolean }): JSX.Element | null {
  return when ? <p class="muted" aria-live="polite">Loading…</p> : null;
}

export interface Column<T> {
  id: string;
  title: string;
  width: string;
  sortable?: boolean;
  numeric?: boolean;
  cell(row: T): ComponentChildren;
}

/**
 * A table that renders only the rows in view (fixed row height), so 10,000 rows cost as much as
 * 30. ARIA table roles with aria-rowcount/aria-rowindex keep it readable by screen readers.
 */
export function VirtualTable<T>(props: {
  label: string;
  rows: readonly T[];
  columns: ReadonlyArray<Column<T>>;
  rowKey(row: T): string;
  sort?: { id: string; dir: 'asc' | 'desc' };
  onSort?(id: string): void;
  rowHeight?: number;
  height?: string;
}): JSX.Element {
  const rh = props.rowHeight ?? 32;
  const ref = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState(0);
  const [viewport, setViewport] = useState(600);
  useEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const ro = new ResizeObserver(() => setViewport(el.clientHeight));
    ro.observe(el);
    setViewport(el.clientHeight);
    return () => ro.disconnect();
  }, []);
  const overscan = 8;
  const first = Math.max(0, Math.floor(scroll / rh) - overscan);
  const last = Math.min(props.rows.length, Math.ceil((scroll + viewport) / rh) + overscan);
  const template = props.columns.map((c) => c.width).join(' ');
  const visible = props.rows.slice(first, last);
  return (
    <div class="vtable" role="table" aria-label={props.label} aria-rowcount={props.rows.length + 1}>
      <div role="rowgroup">
        <div class="vrow vhead" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
          {props.columns.map((c) => {
            const sorted = props.sort?.id === c.id;
            return (
              <div role="columnheader" class={c.numeric === true ? 'num' : ''} key={c.id} aria-sort={sorted ? (props.sort!.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                {c.sortable === true && props.onSort !== undefined
                  ? <button type="button" class="sort" onClick={() => props.onSort!(c.id)}>{c.title}{sorted ? (props.sort!.dir === 'asc' ? ' ▲' : ' ▼') : ''}</button>
                  : c.title}
              </div>
            );
          })}
        </div>
      </div>
      <div class="vbody" role="rowgroup" ref={ref} style={{ height: props.height ?? 'calc(100vh - 260px)' }} onScroll={(e) => setScroll((e.currentTarget as HTMLDivElement).scrollTop)} tabIndex={0} aria-label={`${props.label} rows`}>
        <div style={{ height: `${props.rows.length * rh}px`, position: 'relative' }}>
          {visible.map((row, i) => (
            <div class="vrow" role="row" key={props.rowKey(row)} aria-rowindex={first + i + 2} style={{ gridTemplateColumns: template, top: `${(first + i) * rh}px`, height: `${rh}px` }}>
              {props.columns.map((c) => <div role="cell" class={c.numeric === true ? 'num' : ''} key={c.id}>{c.cell(row)}</div>)}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}

export function Field(props: { label: string; children: ComponentChildren; hint?: string }): JSX.Element {
  return (
    <label class="field">
      <span>{props.label}</span>
      {props.children}
      {props.hint !== undefined ? <small class="muted">{props.hint}</small> : null}
    </label>
  );
}

/** "k=v" lines → object; throws on a line without "=". */
export function parseKeyValues(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const l = line.trim();
    if (l === '') continue;
    const i = l.indexOf('=');
    if (i <= 0) throw new Error(`"${l}" is not key=value`);
    out[l.slice(0, i).trim()] = l.slice(i + 1).trim();
  }
  return out;
}

/** State of one button's action: busy while it runs, then its error or its done message. */
export function useAction(): { busy: boolean; error: Error | null; done: string | null; run(f: () => Promise<string>): void } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return {
    busy, error, done,
    run(f) {
      setBusy(true);
      setError(null);
      setDone(null);
      f().then((m) => setDone(m), (e: unknown) => setError(e as Error)).finally(() => setBusy(false));
    },
  };
}
