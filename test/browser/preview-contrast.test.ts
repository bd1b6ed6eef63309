/// <reference lib="dom" />
// Issue 13, accessibility: the SoA preview's heat maps in a real browser
// (Debian's Chromium through playwright-core), in the light, dark and
// high-contrast themes as VS Code sets them (body class, CSS variables):
// every heat-map cell's text has a contrast of at least 4.5:1 (WCAG AA)
// against what is actually behind it; and at a 700 px wide preview the two
// heat maps stack, one above the other, while at 1200 px they stand side by side.
//
// Needs /usr/bin/chromium; never `npx playwright install`.
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { chromium, type Browser, type Page } from 'playwright-core';

import { renderPreviewHtml } from '../../client/src/preview/html';
import type { UpdateMessage } from '../../client/src/preview/messages';
import { riskRegister } from '../../server/src/features/risk-register';
import { soaTable } from '../../server/src/features/soa-table';
import { fixtureService, parseFixture } from '../helpers/fixture';
import { webviewAssets } from './webview-assets';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The colours VS Code's default themes give the variables the preview reads. */
const THEMES: Record<string, { readonly bodyClass: string; readonly vars: Record<string, string> }> = {
  light: {
    bodyClass: 'vscode-light',
    vars: {
      '--vscode-editor-foreground': '#000000',
      '--vscode-editor-background': '#ffffff',
      '--vscode-charts-green': '#388a34',
      '--vscode-charts-red': '#e51400',
      '--vscode-charts-foreground': '#616161',
      '--vscode-descriptionForeground': '#717171',
      '--vscode-panel-border': 'rgba(128, 128, 128, 0.35)',
    },
  },
  dark: {
    bodyClass: 'vscode-dark',
    vars: {
      '--vscode-editor-foreground': '#d4d4d4',
      '--vscode-editor-background': '#1e1e1e',
      '--vscode-charts-green': '#89d185',
      '--vscode-charts-red': '#f14c4c',
      '--vscode-charts-foreground': '#cccccc',
      '--vscode-descriptionForeground': 'rgba(204, 204, 204, 0.7)',
      '--vscode-panel-border': 'rgba(128, 128, 128, 0.35)',
    },
  },
  'high contrast': {
    bodyClass: 'vscode-high-contrast',
    vars: {
      '--vscode-editor-foreground': '#ffffff',
      '--vscode-editor-background': '#000000',
      '--vscode-charts-green': '#89d185',
      '--vscode-charts-red': '#f48771',
      '--vscode-charts-foreground': '#ffffff',
      '--vscode-descriptionForeground': 'rgba(255, 255, 255, 0.7)',
      '--vscode-contrastBorder': '#6fc3df',
    },
  },
};

/** Risks in every band and several per cell, so that every intensity level shows. */
function fixture(): string {
  const risks: string[] = [];
  let n = 0;
  const add = (likelihood: number, impact: number, count: number) => {
    for (let i = 0; i < count; i++) {
      n++;
      risks.push(`risk R-${n} "Risk ${n}" {\n  owner ciso\n  likelihood ${likelihood}\n  impact ${impact}\n  treatment accept\n  accepted-by ciso\n}\n`);
    }
  };
  add(1, 1, 1);
  add(1, 2, 2);
  add(2, 2, 3);
  add(3, 3, 4);
  add(4, 3, 4);
  add(4, 1, 2);
  add(2, 3, 1);
  return `//- /a.isms\nrole ciso "CISO" {\n  top-management yes\n}\n\nrisk-criteria {\n  likelihood-scale "Rare", "Unlikely", "Possible", "Likely"\n  impact-scale "Minor", "Moderate", "Major"\n  acceptance 4\n}\n\n${risks.join('\n')}`;
}

function update(): UpdateMessage {
  const { index } = fixtureService(parseFixture(fixture()), '2026-11-27').analysis();
  const table = soaTable(index, '2026-11-27');
  const register = riskRegister(index);
  return {
    type: 'update',
    version: 1,
    folderUri: 'file:///ws',
    folderName: 'ws',
    soa: { ...table, rows: table.rows.map((row) => ({ ...row, location: undefined })), folderUri: 'file:///ws' },
    risks: { ...register, risks: register.risks.map((risk) => ({ ...risk, location: undefined })), folderUri: 'file:///ws' },
  };
}

const INIT_SCRIPT = `
  window.__posted = [];
  window.acquireVsCodeApi = () => ({
    postMessage: (message) => window.__posted.push(JSON.parse(JSON.stringify(message))),
    getState: () => undefined,
    setState: () => {},
  });
`;

/** In the page: the contrast of each heat-map cell's text against the colours behind it, composited up to the page. */
function measureInPage(): { cell: string; text: string; ratio: number }[] {
  const parse = (value: string): [number, number, number, number] => {
    const numbers = (value.match(/[\d.]+/g) ?? []).map(Number);
    if (value.startsWith('color(srgb')) return [numbers[0]! * 255, numbers[1]! * 255, numbers[2]! * 255, numbers[3] ?? 1];
    return [numbers[0] ?? 0, numbers[1] ?? 0, numbers[2] ?? 0, numbers[3] ?? 1];
  };
  const over = (top: number[], bottom: number[]): number[] => {
    const a = top[3]!;
    return [0, 1, 2].map((i) => top[i]! * a + bottom[i]! * (1 - a)).concat(1);
  };
  const background = (element: Element | null): number[] => {
    const chain: number[][] = [];
    for (let e = element; e; e = e.parentElement) chain.push(parse(getComputedStyle(e).backgroundColor));
    let colour = [255, 255, 255, 1];
    for (const layer of chain.reverse()) colour = over(layer, colour);
    return colour;
  };
  const luminance = (c: number[]) => {
    const [r, g, b] = [0, 1, 2].map((i) => {
      const s = c[i]! / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const results: { cell: string; text: string; ratio: number }[] = [];
  for (const text of Array.from(document.querySelectorAll('.heatmap .cell .count, .heatmap .cell .cell-score'))) {
    if ((text.textContent ?? '') === '') continue;
    const behind = background(text);
    const fg = over(parse(getComputedStyle(text).color), behind);
    const [l1, l2] = [luminance(fg), luminance(behind)].sort((a, b) => b - a);
    const cell = text.closest('.cell') as HTMLElement;
    results.push({
      cell: `${cell.closest('.heatmap')?.getAttribute('data-matrix')} ${cell.dataset.likelihood}×${cell.dataset.impact} ${cell.className}`,
      text: `${text.className} '${text.textContent}'`,
      ratio: Math.round(((l1! + 0.05) / (l2! + 0.05)) * 100) / 100,
    });
  }
  return results;
}

describe('SoA preview webview in Chromium (heat-map contrast and layout, issue 13)', function () {
  this.timeout(60_000);
  let server: http.Server;
  let origin = '';
  let browser: Browser;

  before(async () => {
    assert.ok(existsSync(CHROMIUM), `Chromium is missing at ${CHROMIUM} (apt-get install -y chromium)`);
    const { script, style } = await webviewAssets();
    server = http.createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const webview = { cspSource: origin, asWebviewUri: (resource: string) => ({ toString: () => `${origin}${resource}` }) };
      const send = (type: string, body: string) => {
        response.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
        response.end(body);
      };
      if (url.pathname === '/preview.html') send('text/html', renderPreviewHtml(webview, { script: '/dist/preview.js', style: '/media/preview/preview.css' }));
      else if (url.pathname === '/dist/preview.js') send('text/javascript', script);
      else if (url.pathname === '/media/preview/preview.css') send('text/css', style);
      else {
        response.writeHead(404);
        response.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  async function open(width: number, theme: keyof typeof THEMES, message: UpdateMessage = update()): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.addInitScript(INIT_SCRIPT);
    await page.goto(`${origin}/preview.html`);
    const { bodyClass, vars } = THEMES[theme]!;
    await page.evaluate(
      ([cls, variables]) => {
        document.body.classList.add(cls);
        for (const [name, value] of Object.entries(variables)) document.documentElement.style.setProperty(name, value);
      },
      [bodyClass, vars] as const,
    );
    await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'ready'));
    await page.evaluate((m) => window.postMessage(m, '*'), message);
    await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'rendered'));
    return page;
  }

  for (const theme of Object.keys(THEMES) as (keyof typeof THEMES)[]) {
    it(`every heat-map cell's text has a contrast of at least 4.5:1 in the ${theme} theme`, async () => {
      const page = await open(1200, theme);
      try {
        const measured = await page.evaluate(measureInPage);
        // Both maps, 12 cells each: a score in every cell, a count in the occupied ones.
        assert.ok(measured.length >= 24 + 7, `measured ${measured.length} texts`);
        const levels = new Set(measured.map((m) => /level-(\d)/.exec(m.cell)?.[1]));
        assert.ok(['0', '1', '2', '4'].every((level) => levels.has(level)), `intensity levels shown: ${[...levels].join(', ')}`);
        const failing = measured.filter((m) => m.ratio < 4.5);
        assert.deepEqual(failing, [], `below 4.5:1 in the ${theme} theme`);
      } finally {
        await page.close();
      }
    });
  }

  it('never shows an implemented control green while its entry has findings (the status cell names them)', async () => {
    const message = update();
    const entries: Record<string, { errors: number; warnings: number }> = { 'A.5.1': { errors: 1, warnings: 0 }, 'A.5.2': { errors: 0, warnings: 0 }, 'A.5.3': { errors: 0, warnings: 2 } };
    const rows = message.soa!.rows.map((row) =>
      entries[row.id] ? { ...row, declared: true, applicable: 'yes' as const, status: 'implemented' as const, reason: 'Needed', findings: entries[row.id]! } : row,
    );
    const page = await open(1200, 'light', { ...message, soa: { ...message.soa!, rows } });
    try {
      const cells = await page.evaluate(() =>
        ['A.5.1', 'A.5.2', 'A.5.3'].map((id) => {
          const cell = document.querySelector(`tr.control[data-id="${id}"] td.status-cell`) as HTMLElement;
          return { text: cell.textContent, findings: cell.dataset.findings ?? '', color: getComputedStyle(cell).color };
        }),
      );
      assert.deepEqual(
        cells.map((c) => [c.text, c.findings]),
        [
          ['implemented · 1 error', 'error'],
          ['implemented', ''],
          ['implemented · 2 warnings', 'warning'],
        ],
      );
      const [faulted, clean, warned] = cells.map((c) => c.color);
      assert.notEqual(faulted, clean, 'the faulted row is not the green of a clean implemented one');
      assert.notEqual(warned, clean);
      assert.notEqual(faulted, warned);
    } finally {
      await page.close();
    }
  });

  it('stacks the two heat maps at 700 px and puts them side by side at 1200 px', async () => {
    const boxes = async (width: number) => {
      const page = await open(width, 'light');
      try {
        return await page.evaluate(() =>
          ['inherent', 'residual'].map((kind) => {
            const box = document.querySelector(`.heatmap[data-matrix="${kind}"]`)!.getBoundingClientRect();
            return { top: box.top, bottom: box.bottom, left: box.left, right: box.right };
          }),
        );
      } finally {
        await page.close();
      }
    };
    const [narrowInherent, narrowResidual] = await boxes(700);
    assert.ok(narrowResidual!.top >= narrowInherent!.bottom, `at 700 px the residual map (top ${narrowResidual!.top}) is below the inherent one (bottom ${narrowInherent!.bottom})`);
    assert.equal(narrowResidual!.left, narrowInherent!.left);
    assert.ok(narrowInherent!.right <= 700);
    const [wideInherent, wideResidual] = await boxes(1200);
    assert.equal(wideResidual!.top, wideInherent!.top, 'at 1200 px they stand side by side');
    assert.ok(wideResidual!.left >= wideInherent!.right);
  });
});
