/// <reference lib="dom" />
/**
 * The SoA preview's webview script (bundled to dist/preview.js, platform
 * browser, format iife). It renders what the host posts with DOM APIs:
 * every string from the data goes through `textContent` or an attribute
 * value, never through an HTML parser. It must not import `vscode`.
 *
 * Flow: on load it renders the state saved before a reload (if any), posts
 * `ready`, and renders each `update`, answering `rendered` with its version.
 */
import {
  EXPORT_FORMATS,
  parseHostMessage,
  type PlainLocation,
  type UpdateMessage,
  type WebviewMessage,
} from '../messages';
import { findCell, heatMapLayout, intensity, isHeatMapLayout, maxCount, outsideText, risksOfCell, type HeatMapLayout, type MatrixKind } from './heat-map';
import { ROW_FILTERS, applicability, entryFindings, evidenceText, filterRows, groupByTheme, isRowFilter, justification, soaCountText, statusText, type SoaRow } from './soa-rows';
import { readState, type PreviewState } from './state';
import { SEGMENT_LABELS, summaryBars, type SegmentKind } from './summary';
import { documentControlLine, draftBannerText, dueText, flaggedGroups, implementationText } from './document-control';
import { COVERAGE_SEGMENT_LABELS, coverageSections, type CoverageSegmentKind } from './coverage';
import { findingsView } from './findings';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: PreviewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const EXPORT_BUTTONS = EXPORT_FORMATS.map(({ id, label }) => ({ format: id, label }));

const COLUMNS = ['ID', 'Control', 'Applicable', 'Justification', 'Status', 'Implementation', 'Due', 'Owner', 'Evidence'] as const;

const api = acquireVsCodeApi();
let state: PreviewState = readState(api.getState());
let nextRequestId = 1;

// ── DOM helpers: text only ─────────────────────────────────────────────────

type Child = Node | string | undefined | null | false;

/** An element with constant class names, optional text and children; strings become text nodes. */
function h<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

function button(className: string, text: string, onClick: () => void, key?: string): HTMLButtonElement {
  const element = h('button', className, text);
  element.type = 'button';
  element.addEventListener('click', onClick);
  if (key) element.dataset.key = key;
  return element;
}

function saveState(patch: Partial<PreviewState>): void {
  state = { ...state, ...patch };
  api.setState(state);
}

function post(message: WebviewMessage): void {
  api.postMessage(message);
}

function reveal(location: PlainLocation | undefined): void {
  if (location) post({ type: 'reveal', location });
}

/** Re-renders a region, keeping the focus on the element with the same `data-key`. */
function replaceKeepingFocus(container: HTMLElement, ...children: Node[]): void {
  const active = document.activeElement;
  const key = active instanceof HTMLElement && container.contains(active) ? active.dataset.key : undefined;
  container.replaceChildren(...children);
  if (key === undefined) return;
  Array.from(container.querySelectorAll<HTMLElement>('[data-key]'))
    .find((element) => element.dataset.key === key)
    ?.focus();
}

// ── the page skeleton (constant text only) ────────────────────────────────

const title = h('h1', 'title', 'Statement of Applicability');
const meta = h('p', 'meta');
const status = h('p', 'status');
status.setAttribute('role', 'status');
status.setAttribute('aria-live', 'polite');

const actions = h('div', 'actions');
actions.setAttribute('role', 'toolbar');
actions.setAttribute('aria-label', 'Export');
actions.append(h('span', 'actions-label', 'Export:'));
for (const { format, label } of EXPORT_BUTTONS) {
  const exportButton = button('export', label, () => {
    const requestId = nextRequestId++;
    setStatus(`Exporting ${label}…`, 'info');
    post({ type: 'export', format, requestId });
  });
  exportButton.dataset.format = format;
  actions.append(exportButton);
}
actions.append(button('refresh', 'Refresh', () => post({ type: 'refresh' })));

const summary = h('div', 'bars');
const legend = h('ul', 'legend');
for (const kind of Object.keys(SEGMENT_LABELS) as SegmentKind[]) {
  legend.append(h('li', `legend-item seg-${kind}`, h('span', 'swatch'), SEGMENT_LABELS[kind]));
}

const coverage = h('div', 'coverage');

const findingsCount = h('p', 'findings-count');
const findingsList = h('ul', 'findings-list');

const maps: Record<MatrixKind, HTMLElement> = { inherent: h('div', 'heatmap'), residual: h('div', 'heatmap') };
// The SoA as a controlled document (§7.6) and the risks a heat map cell cannot show (issue 11 item 5).
const draftBanner = h('div', 'draft-banner');
draftBanner.setAttribute('role', 'alert');
draftBanner.hidden = true;
const documentControl = h('p', 'document-control');
const flagged = h('div', 'flagged-risks');
maps.inherent.dataset.matrix = 'inherent';
maps.residual.dataset.matrix = 'residual';

const search = h('input', 'search');
search.type = 'search';
search.placeholder = 'Filter controls';
search.setAttribute('aria-label', 'Filter controls by text');
search.value = state.query;
search.addEventListener('input', () => {
  saveState({ query: search.value });
  renderTable();
});

const filter = h('select', 'filter');
filter.setAttribute('aria-label', 'Show');
for (const option of ROW_FILTERS) {
  const element = h('option', undefined, option.label);
  element.value = option.value;
  filter.append(element);
}
filter.value = state.filter;
filter.addEventListener('change', () => {
  if (isRowFilter(filter.value)) saveState({ filter: filter.value });
  renderTable();
});
const rowCount = h('span', 'row-count');

const table = h('table', 'soa');
const head = h('thead');
const headRow = h('tr');
for (const column of COLUMNS) {
  const th = h('th', `col-${column.toLowerCase()}`, column);
  th.scope = 'col';
  headRow.append(th);
}
head.append(headRow);
table.append(head);

const heading = (level: 'h2', text: string, id: string) => {
  const element = h(level, undefined, text);
  element.id = id;
  return element;
};
const section = (id: string, headingText: string, ...children: Child[]) => {
  const element = h('section', id, heading('h2', headingText, `${id}-heading`), ...children);
  element.setAttribute('aria-labelledby', `${id}-heading`);
  return element;
};

document.body.append(
  h('header', 'toolbar', h('div', 'heading', title, meta, documentControl), actions),
  draftBanner,
  status,
  h(
    'main',
    undefined,
    section('findings', 'Findings', findingsCount, findingsList),
    section('summary', 'Summary by theme', summary, legend),
    section('coverage-section', 'Framework coverage', coverage),
    section('heatmaps', 'Risk heat maps', h('div', 'maps', maps.inherent, maps.residual), flagged),
    section('table', 'Controls', h('div', 'table-tools', search, filter, rowCount), h('div', 'table-wrap', table)),
  ),
);

function setStatus(text: string, tone: 'info' | 'error' | 'ok'): void {
  status.textContent = text;
  status.dataset.tone = tone;
}

// ── rendering ──────────────────────────────────────────────────────────────

function renderHeader(data: UpdateMessage | undefined): void {
  const organization = data?.soa?.organization;
  title.textContent = typeof organization === 'string' && organization !== '' ? `Statement of Applicability: ${organization}` : 'Statement of Applicability';
  const parts: string[] = [];
  if (data) parts.push(`Folder ${data.folderName}`);
  if (data?.soa?.asOf) parts.push(`as of ${data.soa.asOf}`);
  if (data?.soa) parts.push(soaCountText(data.soa));
  meta.textContent = parts.length > 0 ? parts.join(' · ') : 'Waiting for the language server…';
  const banner = draftBannerText(data?.soa);
  draftBanner.textContent = banner ?? '';
  draftBanner.hidden = banner === undefined;
  documentControl.textContent = documentControlLine(data?.soa) ?? '';
}

function renderFlagged(data: UpdateMessage | undefined): void {
  flagged.replaceChildren(
    ...flaggedGroups(data?.risks).map((group) => {
      const ul = h('ul', 'risk-list');
      for (const risk of group.risks) {
        const label = risk.title ? `${risk.id} ${risk.title}` : risk.id;
        const item = risk.location ? button('link risk', label, () => reveal(risk.location), `flagged:${group.id}:${risk.id}`) : h('span', 'risk', label);
        item.dataset.riskId = risk.id;
        ul.append(h('li', undefined, item));
      }
      const box = h('div', 'flagged-group', h('h3', undefined, `${group.label} (${group.risks.length})`), ul);
      box.dataset.group = group.id;
      return box;
    }),
  );
}

function renderSummary(data: UpdateMessage | undefined): void {
  const bars = summaryBars(data?.soa);
  if (bars.length === 0) {
    summary.replaceChildren(h('p', 'empty', data ? 'The language server returned no Statement of Applicability for this folder.' : 'Loading…'));
    return;
  }
  summary.replaceChildren(
    ...bars.map((bar) => {
      const track = h('div', 'bar');
      track.setAttribute('role', 'img');
      track.setAttribute('aria-label', `${bar.title}: ${bar.caption}`);
      track.title = bar.caption;
      for (const segment of bar.segments) {
        if (segment.percent <= 0) continue;
        const part = h('span', `segment seg-${segment.kind}`);
        // CSSOM, not a style attribute: allowed by the CSP without 'unsafe-inline'.
        part.style.width = `${segment.percent}%`;
        part.title = `${SEGMENT_LABELS[segment.kind]}: ${segment.count}`;
        track.append(part);
      }
      const row = h('div', bar.theme === 'all' ? 'bar-row total' : 'bar-row', h('span', 'bar-title', bar.title), track, h('span', 'bar-caption', bar.caption));
      row.dataset.theme = bar.theme;
      return row;
    }),
  );
}

const SEVERITY_TEXT = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

function renderFindings(data: UpdateMessage | undefined): void {
  const view = findingsView(data?.findings);
  const parent = findingsCount.parentElement;
  if (parent) parent.hidden = view === undefined;
  findingsCount.textContent = view?.text ?? '';
  findingsCount.dataset.count = String(view?.links.length ?? 0);
  replaceKeepingFocus(
    findingsList,
    ...(view?.links ?? []).map((link, i) => {
      const item = h(
        'li',
        `finding finding-${link.severity}`,
        h('span', 'finding-severity', SEVERITY_TEXT[link.severity]),
        ' ',
        link.location ? button('link', link.message, () => reveal(link.location), `finding:${i}:${link.code}`) : link.message,
        ' ',
        h('span', 'finding-code', [link.code, link.where, link.suppressed !== undefined ? `suppressed: ${link.suppressed}` : ''].filter(Boolean).join(' · ')),
      );
      item.dataset.code = link.code;
      return item;
    }),
  );
}

function renderCoverage(data: UpdateMessage | undefined): void {
  const sections = coverageSections(data?.frameworks);
  const parent = coverage.parentElement;
  if (parent) parent.hidden = sections.length === 0;
  coverage.replaceChildren(
    ...sections.map((framework) => {
      const bars = h(
        'div',
        'bars',
        ...framework.bars.map((entry) => {
          const track = h('div', 'bar');
          track.setAttribute('role', 'img');
          track.setAttribute('aria-label', `${entry.title}: ${entry.caption}`);
          track.title = entry.caption;
          for (const segment of entry.segments) {
            if (segment.percent <= 0) continue;
            const part = h('span', `segment seg-${segment.kind}`);
            part.style.width = `${segment.percent}%`;
            part.title = `${COVERAGE_SEGMENT_LABELS[segment.kind]}: ${segment.count}`;
            track.append(part);
          }
          return h('div', entry.id === 'all' ? 'bar-row total' : 'bar-row', h('span', 'bar-title', entry.title), track, h('span', 'bar-caption', entry.caption));
        }),
      );
      const legend = h('ul', 'legend');
      for (const kind of Object.keys(COVERAGE_SEGMENT_LABELS) as CoverageSegmentKind[]) {
        legend.append(h('li', `legend-item seg-${kind}`, h('span', 'swatch'), COVERAGE_SEGMENT_LABELS[kind]));
      }
      const gaps =
        framework.gaps.length === 0
          ? h('p', 'empty', 'No gaps: every mapped requirement has an implemented, partial or planned control, or a passing clause.')
          : h(
              'table',
              'gaps',
              h('thead', undefined, h('tr', undefined, h('th', undefined, 'Requirement'), h('th', undefined, 'Title'), h('th', undefined, 'Mapped ISO/IEC 27001 (state here)'))),
              h(
                'tbody',
                undefined,
                ...framework.gaps.map((gap) =>
                  h(
                    'tr',
                    undefined,
                    h('td', undefined, gap.id),
                    h('td', undefined, gap.title),
                    h(
                      'td',
                      undefined,
                      ...gap.targets.flatMap((target, i) => [
                        i > 0 ? ', ' : '',
                        target.location ? button('link', target.id, () => reveal(target.location), `coverage:${framework.id}:${gap.id}:${target.id}`) : target.id,
                        ` ${target.state}`,
                      ]),
                    ),
                  ),
                ),
              ),
            );
      const block = h(
        'div',
        'framework',
        h('h3', undefined, framework.name),
        bars,
        legend,
        h('h4', undefined, `Gaps (${framework.gaps.length})`),
        gaps,
        h('p', 'credit', 'A mapping means the ISO/IEC 27001 control or clause helps meet (part of) the requirement; it never shows compliance on its own.'),
        h('p', 'credit', `Source: ${framework.credit}`),
      );
      block.dataset.framework = framework.id;
      return block;
    }),
  );
}

function renderHeatMap(kind: MatrixKind, data: UpdateMessage | undefined): void {
  const container = maps[kind];
  const layout = heatMapLayout(data?.risks, kind);
  const caption = h('h3', undefined, kind === 'inherent' ? 'Inherent risk' : 'Residual risk');
  if (!isHeatMapLayout(layout)) {
    const text =
      layout.reason === 'no-register'
        ? data
          ? 'The language server returned no risk register for this folder.'
          : 'Loading…'
        : 'No risk scales: declare risk-criteria with a likelihood and an impact scale to see the heat map.';
    container.replaceChildren(caption, h('p', 'empty', text));
    return;
  }
  const selected = state.selection[kind];
  const selectedCell = selected ? findCell(layout, selected.likelihood, selected.impact) : undefined;
  const grid = heatMapTable(kind, layout, selectedCell?.likelihood, selectedCell?.impact);
  const notes: Child[] = [
    layout.acceptance === undefined
      ? h('p', 'note', 'No acceptance criterion: cells are not coloured by acceptability.')
      : h('p', 'note', `Acceptable up to a score of ${layout.acceptance}.`),
    layout.unrated > 0 ? h('p', 'note', `${layout.unrated} ${layout.unrated === 1 ? 'risk has' : 'risks have'} no ${kind} rating.`) : undefined,
    outsideBucket(kind, layout, data),
  ];
  const list = h('div', 'cell-risks');
  list.setAttribute('aria-live', 'polite');
  if (!selectedCell) {
    list.append(h('p', 'hint', 'Select a cell to list its risks.'));
  } else {
    const risks = risksOfCell(data?.risks, selectedCell, kind);
    list.append(h('h4', undefined, selectedCell.label));
    if (risks.length === 0) list.append(h('p', 'hint', 'No risk in this cell.'));
    else {
      const ul = h('ul', 'risk-list');
      for (const risk of risks) {
        const text = risk.title ? `${risk.id} ${risk.title}` : risk.id;
        const item = risk.location
          ? button('link risk', text, () => reveal(risk.location), `risk:${kind}:${risk.id}`)
          : h('span', 'risk', text);
        item.dataset.riskId = risk.id;
        ul.append(h('li', undefined, item, risk.score !== undefined ? h('span', 'score', `score ${risk.score}`) : undefined));
      }
      list.append(ul);
    }
  }
  replaceKeepingFocus(container, caption, grid, ...notes.filter((n): n is HTMLElement => n instanceof HTMLElement), list);
}

/** The "outside the scales" bucket under a heat map: its count and a link to each of its risks. */
function outsideBucket(kind: MatrixKind, layout: HeatMapLayout, data: UpdateMessage | undefined): HTMLElement | undefined {
  const text = outsideText(layout);
  if (!text) return undefined;
  const byId = new Map((data?.risks?.risks ?? []).map((risk) => [risk.id, risk]));
  const bucket = h('div', 'outside-scales', h('strong', undefined, text));
  bucket.dataset.count = String(layout.outside.length);
  const ul = h('ul', 'risk-list');
  for (const id of layout.outside) {
    const risk = byId.get(id);
    const label = risk?.title ? `${id} ${risk.title}` : id;
    const item = risk?.location ? button('link risk', label, () => reveal(risk.location), `outside:${kind}:${id}`) : h('span', 'risk', label);
    item.dataset.riskId = id;
    ul.append(h('li', undefined, item));
  }
  bucket.append(ul);
  return bucket;
}

function heatMapTable(kind: MatrixKind, layout: HeatMapLayout, selectedLikelihood: number | undefined, selectedImpact: number | undefined): HTMLTableElement {
  const grid = h('table', 'matrix');
  grid.setAttribute('aria-label', `${layout.title}: likelihood by impact`);
  const max = maxCount(layout);
  const headRow = h('tr');
  const corner = h('th', 'corner', h('span', 'axis-y', 'Likelihood ↓'), h('span', 'axis-x', 'Impact →'));
  corner.scope = 'col';
  headRow.append(corner);
  for (const column of layout.columns) {
    const th = h('th', 'impact', column.shortLabel);
    th.scope = 'col';
    th.title = `Impact ${column.impact}: ${column.label}`;
    headRow.append(th);
  }
  const body = h('tbody');
  for (const row of layout.rows) {
    const tr = h('tr');
    const th = h('th', 'likelihood', row.shortLabel);
    th.scope = 'row';
    th.title = `Likelihood ${row.likelihood}: ${row.label}`;
    tr.append(th);
    for (const cell of row.cells) {
      const isSelected = cell.likelihood === selectedLikelihood && cell.impact === selectedImpact;
      const cellButton = button(
        `cell tone-${cell.tone} level-${intensity(cell.count, max)}${isSelected ? ' selected' : ''}`,
        '',
        () => {
          const current = state.selection[kind];
          const same = current?.likelihood === cell.likelihood && current?.impact === cell.impact;
          saveState({ selection: { ...state.selection, [kind]: same ? undefined : { likelihood: cell.likelihood, impact: cell.impact } } });
          renderHeatMap(kind, state.data);
        },
        `cell:${kind}:${cell.likelihood}:${cell.impact}`,
      );
      cellButton.append(h('span', 'count', cell.count > 0 ? String(cell.count) : ''), h('span', 'cell-score', String(cell.score)));
      cellButton.setAttribute('aria-label', cell.label);
      cellButton.setAttribute('aria-pressed', String(isSelected));
      cellButton.title = cell.label;
      cellButton.dataset.likelihood = String(cell.likelihood);
      cellButton.dataset.impact = String(cell.impact);
      cellButton.dataset.count = String(cell.count);
      tr.append(h('td', undefined, cellButton));
    }
    body.append(tr);
  }
  grid.append(h('thead', undefined, headRow), body);
  return grid;
}

function renderRow(row: SoaRow): HTMLTableRowElement {
  const tr = h('tr', 'control');
  tr.dataset.id = String(row.id);
  const id = row.location ? button('link', String(row.id), () => reveal(row.location), `control:${row.id}`) : h('span', undefined, String(row.id));
  const applicable = applicability(row);
  const why = justification(row);
  const justificationCell = h(
    'td',
    'justification',
    why.reason !== undefined ? h('div', 'reason', why.reason) : why.placeholder !== undefined ? h('div', 'reason missing', why.placeholder) : undefined,
    why.risks !== undefined ? h('div', 'drivers', why.risks) : undefined,
    why.parties !== undefined ? h('div', 'drivers', why.parties) : undefined,
  );
  const findings = entryFindings(row);
  const statusCell = h('td', 'status-cell', statusText(row), findings.tone ? h('span', 'entry-findings', ` · ${findings.text}`) : undefined);
  if (typeof row.status === 'string') statusCell.dataset.status = row.status;
  if (findings.tone) statusCell.dataset.findings = findings.tone;
  const applicableCell = h('td', 'applicable', applicable.text);
  applicableCell.dataset.tone = applicable.tone;
  tr.append(
    h('td', 'id', id),
    h('td', 'control-title', String(row.title ?? '')),
    applicableCell,
    justificationCell,
    statusCell,
    h('td', 'implementation', implementationText(row)),
    h('td', 'due', dueText(row)),
    h('td', 'owner', typeof row.owner === 'string' ? row.owner : ''),
    h('td', 'evidence', evidenceText(row)),
  );
  return tr;
}

function renderTable(): void {
  const soa = state.data?.soa;
  const bodies: HTMLTableSectionElement[] = [];
  if (!soa) {
    rowCount.textContent = '';
    const td = h('td', 'empty', state.data ? 'No Statement of Applicability.' : 'Loading…');
    td.colSpan = COLUMNS.length;
    bodies.push(h('tbody', undefined, h('tr', undefined, td)));
  } else {
    const rows = filterRows(soa.rows, state.query, state.filter);
    rowCount.textContent = `${rows.length} of ${soa.rows.length} controls`;
    for (const group of groupByTheme(soa, rows)) {
      const th = h('th', 'group', `${group.title} (${group.rows.length})`);
      th.colSpan = COLUMNS.length;
      th.scope = 'colgroup';
      const body = h('tbody', undefined, h('tr', 'group-row', th), ...group.rows.map(renderRow));
      body.dataset.theme = group.theme;
      bodies.push(body);
    }
    if (rows.length === 0) {
      const td = h('td', 'empty', 'No control matches the filter.');
      td.colSpan = COLUMNS.length;
      bodies.push(h('tbody', undefined, h('tr', undefined, td)));
    }
  }
  replaceKeepingFocus(table, head, ...bodies);
}

function renderAll(): void {
  const data = state.data;
  renderHeader(data);
  renderFindings(data);
  renderSummary(data);
  renderCoverage(data);
  renderHeatMap('inherent', data);
  renderHeatMap('residual', data);
  renderFlagged(data);
  renderTable();
}

// ── messages from the host ────────────────────────────────────────────────

window.addEventListener('message', (event: MessageEvent) => {
  const message = parseHostMessage(event.data);
  if (!message) return;
  switch (message.type) {
    case 'update': {
      const folderChanged = state.folderUri !== message.folderUri;
      const scrollY = window.scrollY;
      saveState({ data: message, folderUri: message.folderUri, selection: folderChanged ? {} : state.selection });
      renderAll();
      // The scroll position stays across refreshes (re-rendering may shorten the page for a moment).
      if (!folderChanged) window.scrollTo(0, scrollY);
      if (status.dataset.tone === 'error') setStatus('', 'info');
      post({ type: 'rendered', version: message.version });
      break;
    }
    case 'error':
      setStatus(message.message, 'error');
      break;
    case 'exportResult':
      setStatus(message.message, message.outcome === 'failed' ? 'error' : message.outcome === 'written' ? 'ok' : 'info');
      break;
  }
});

renderAll();
if (state.scrollY) window.scrollTo(0, state.scrollY);
let scrollSaved = false;
window.addEventListener(
  'scroll',
  () => {
    if (scrollSaved) return;
    scrollSaved = true;
    requestAnimationFrame(() => {
      scrollSaved = false;
      saveState({ scrollY: Math.round(window.scrollY) });
    });
  },
  { passive: true },
);
post({ type: 'ready', restoredVersion: state.data?.version ?? 0 });
