/// <reference lib="dom" />
// The SoA preview's webview in a real browser (Debian's Chromium through
// playwright-core): the HTML shell from html.ts with its CSP, the bundled
// webview script, a fake `acquireVsCodeApi`, and data full of markup. The
// data must show as text, create no element, run no script; the CSP must
// stop an inline script that lacks the nonce.
//
// Needs /usr/bin/chromium (`apt-get update && apt-get install -y chromium`);
// never `npx playwright install`.
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

import { renderPreviewHtml } from '../../client/src/preview/html';
import type { UpdateMessage, WebviewMessage } from '../../client/src/preview/messages';
import { riskRegister } from '../../server/src/features/risk-register';
import { soaTable } from '../../server/src/features/soa-table';
import type { FrameworksResult, PlainLocation, RiskRegisterResult, SoaTableResult } from '../../server/src/protocol/custom-requests';
import { fixtureService, parseFixture } from '../helpers/fixture';
import { webviewAssets } from './webview-assets';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const RISK_TITLE = '<img src=x onerror=alert(1)>';
const REASON = '<script>alert(2)</script>';
const OWNER = '"><svg onload=alert(3)>';
const ORGANIZATION = '<iframe src="javascript:alert(4)"></iframe>';
const LIKELIHOOD_LABEL = '<b onmouseover=alert(5)>Likely</b>';
const EVIDENCE = '<a href="javascript:alert(6)">proof</a>';
const PARTY_TITLE = '<math><mi xlink:href="javascript:alert(7)">x</mi></math>';
const FOLDER_NAME = '<style>body{display:none}</style>';

const FIXTURE = `//- /org.isms
organization "Acme" {
  top-management ciso
}

role ciso "CISO" {
  top-management yes
}

party customers "Customers" {
  requirement "Safe data"
  addressed-by A.5.1
}

risk-criteria {
  likelihood-scale "Rare", "Unlikely", "Possible", "Likely"
  impact-scale "Minor", "Moderate", "Major"
  acceptance 4
}

risk R-1 "${RISK_TITLE}" {
  owner ciso
  likelihood 4
  impact 3
  treatment mitigate
  controls A.5.1
  residual-likelihood 1
  residual-impact 2
  accepted-by ciso
}

//- /soa.isms
control A.5.1 {
  applicable yes
  reason "${REASON}"
  status implemented
  owner ciso
  evidence "policy.md"
}
`;

/** The server's results for the fixture, as the client receives them, with markup where a reference cannot hold it. */
function hostileUpdate(version: number): UpdateMessage {
  const asOf = '2026-11-27';
  const { index } = fixtureService(parseFixture(FIXTURE), asOf).analysis();
  const at = (location: { file: string; start: number; end: number } | undefined): PlainLocation | undefined =>
    location ? { uri: `file:///ws/${location.file}`, range: { start: { line: 1, character: 0 }, end: { line: 1, character: location.end - location.start } } } : undefined;
  const table = soaTable(index, asOf);
  const register = riskRegister(index);
  const soa: SoaTableResult = {
    ...table,
    organization: ORGANIZATION,
    rows: table.rows.map((row) => ({
      ...row,
      location: at(row.location),
      ...(row.id === 'A.5.1' ? { owner: OWNER, evidence: [EVIDENCE], parties: row.parties.map((p) => ({ ...p, title: PARTY_TITLE })) } : {}),
    })),
    folderUri: 'file:///ws',
  };
  const risks: RiskRegisterResult = {
    ...register,
    scales: register.scales && { ...register.scales, likelihoodLabels: register.scales.likelihoodLabels.map((l) => (l === 'Likely' ? LIKELIHOOD_LABEL : l)) },
    risks: register.risks.map((risk) => ({ ...risk, location: at(risk.location) })),
    folderUri: 'file:///ws',
  };
  assert.equal(risks.risks[0]?.title, RISK_TITLE, 'the fixture carries the hostile risk title');
  assert.equal(soa.rows.find((r) => r.id === 'A.5.1')?.reason, REASON, 'the fixture carries the hostile reason');
  return { type: 'update', version, folderUri: 'file:///ws', folderName: FOLDER_NAME, soa, risks };
}

interface TestWindow {
  __posted: WebviewMessage[];
  __dialogsSeen?: number;
  __violations: string[];
  __injectedRan?: boolean;
  __handlerRan?: boolean;
  __externalRan?: boolean;
}

/**
 * The fake VS Code API: messages to the host are collected; the state lives
 * in sessionStorage, so it survives a reload as `vscode.setState` does.
 * Also records CSP violations.
 */
const INIT_SCRIPT = `
  window.__posted = [];
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
  let acquired = false;
  window.acquireVsCodeApi = () => {
    if (acquired) throw new Error('acquireVsCodeApi called twice');
    acquired = true;
    return {
      postMessage: (message) => window.__posted.push(JSON.parse(JSON.stringify(message))),
      getState: () => { const s = sessionStorage.getItem('state'); return s === null ? undefined : JSON.parse(s); },
      setState: (state) => sessionStorage.setItem('state', JSON.stringify(state)),
    };
  };
`;

/** What an attacker might get into the shell: an inline script, an inline handler and an external script, none with the nonce. */
const INJECTED = `<script>window.__injectedRan = true;</script>
<img id="probe" src="data:," onerror="window.__handlerRan = true" onload="window.__handlerRan = true">
<script src="/external.js"></script>
</body>`;

describe('SoA preview webview in Chromium (XSS and CSP)', function () {
  this.timeout(60_000);

  let server: http.Server;
  let origin = '';
  let browser: Browser;
  let context: BrowserContext;
  const requested: string[] = [];

  before(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium is missing at ${CHROMIUM}: the browser tests of the SoA preview need it. Install it with ` +
          '`apt-get update && apt-get install -y chromium` (never `npx playwright install`).',
      );
    }
    const { script, style } = await webviewAssets();

    server = http.createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      requested.push(url.pathname);
      const webview = { cspSource: origin, asWebviewUri: (resource: string) => ({ toString: () => `${origin}${resource}` }) };
      const shell = () => renderPreviewHtml(webview, { script: '/dist/preview.js', style: '/media/preview/preview.css' });
      const send = (type: string, body: string) => {
        response.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
        response.end(body);
      };
      if (url.pathname === '/preview.html') send('text/html', shell());
      else if (url.pathname === '/injected.html') send('text/html', shell().replace('</body>', INJECTED));
      else if (url.pathname === '/dist/preview.js') send('text/javascript', script);
      else if (url.pathname === '/external.js') send('text/javascript', 'window.__externalRan = true;');
      else if (url.pathname === '/media/preview/preview.css') send('text/css', style);
      else {
        response.writeHead(404);
        response.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    try {
      browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    } catch (error) {
      throw new Error(`Chromium at ${CHROMIUM} did not start: ${error instanceof Error ? error.message : String(error)}`);
    }
  });

  after(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  let page: Page;
  let dialogs: string[];
  let pageErrors: string[];

  beforeEach(async () => {
    context = await browser.newContext();
    page = await context.newPage();
    dialogs = [];
    pageErrors = [];
    requested.length = 0;
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.addInitScript(INIT_SCRIPT);
  });

  afterEach(async () => {
    await context?.close();
  });

  const posted = () => page.evaluate(() => (window as unknown as TestWindow).__posted);
  const post = (message: unknown) => page.evaluate((m) => window.postMessage(m, '*'), message);
  const waitForPosted = (type: WebviewMessage['type'], version?: number) =>
    page.waitForFunction(
      ([t, v]) => (window as unknown as TestWindow).__posted.some((m) => m.type === t && (v === null || ('version' in m && m.version === v))),
      [type, version ?? null] as const,
    );

  async function openWithData(version = 1): Promise<UpdateMessage> {
    await page.goto(`${origin}/preview.html`);
    await waitForPosted('ready');
    const update = hostileUpdate(version);
    await post(update);
    await waitForPosted('rendered', version);
    return update;
  }

  it('renders hostile data as text, creates no element from it and runs nothing', async () => {
    await openWithData();

    // The texts are there, literally.
    const cell = (id: string, column: string) =>
      page.evaluate(([i, c]) => document.querySelector(`tr.control[data-id="${i}"] td.${c}`)?.textContent ?? null, [id, column] as const);
    assert.equal(await cell('A.5.1', 'owner'), OWNER);
    assert.equal(await cell('A.5.1', 'evidence'), EVIDENCE);
    assert.equal(await page.evaluate(() => document.querySelector('tr.control[data-id="A.5.1"] td.justification .reason')?.textContent), REASON);
    const justification = await cell('A.5.1', 'justification');
    assert.ok(justification?.includes(`Risks: R-1 (${RISK_TITLE})`), justification ?? '');
    assert.ok(justification?.includes(`Parties: customers (${PARTY_TITLE})`), justification ?? '');
    assert.equal(await page.evaluate(() => document.querySelector('h1')?.textContent), `Statement of Applicability: ${ORGANIZATION}`);
    assert.ok((await page.evaluate(() => document.querySelector('.meta')?.textContent))?.includes(`Folder ${FOLDER_NAME}`));
    const likelihoodHeaders = await page.evaluate(() => Array.from(document.querySelectorAll('.heatmap th.likelihood'), (th) => th.textContent));
    assert.ok(likelihoodHeaders.includes(LIKELIHOOD_LABEL), JSON.stringify(likelihoodHeaders));

    // Clicking the cell lists its risk, with the title as text.
    await page.click('.heatmap[data-matrix="inherent"] button.cell[data-likelihood="4"][data-impact="3"]');
    const risk = page.locator('.heatmap[data-matrix="inherent"] .risk-list [data-risk-id="R-1"]');
    assert.equal(await risk.textContent(), `R-1 ${RISK_TITLE}`);

    // No element came from the data.
    const elements = await page.evaluate(() => ({
      img: document.querySelectorAll('img').length,
      svg: document.querySelectorAll('svg').length,
      iframe: document.querySelectorAll('iframe, object, embed, math, style, a, b').length,
      scripts: Array.from(document.querySelectorAll('script'), (s) => s.getAttribute('src')),
      handlers: Array.from(document.querySelectorAll('*')).flatMap((e) => e.getAttributeNames().filter((n) => n.startsWith('on'))),
    }));
    assert.deepEqual(elements, { img: 0, svg: 0, iframe: 0, scripts: [`${origin}/dist/preview.js`], handlers: [] });

    await page.waitForLoadState('networkidle');
    assert.deepEqual(dialogs, [], 'no dialog fired');
    assert.ok(!requested.includes('/x'), 'the <img src=x> from the data was never loaded');
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(await page.evaluate(() => (window as unknown as TestWindow).__violations), [], 'the preview itself needs nothing the CSP forbids');
    // The stylesheet was allowed and applied.
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.cell')!).borderTopLeftRadius), '3px');
  });

  it('posts reveal and export messages, and ignores malformed updates', async () => {
    const update = await openWithData();
    await page.click('.heatmap[data-matrix="residual"] button.cell[data-likelihood="1"][data-impact="2"]');
    await page.click('.heatmap[data-matrix="residual"] .risk-list button[data-risk-id="R-1"]');
    await page.click('tr.control[data-id="A.5.1"] td.id button');
    await page.click('button.export[data-format="xlsx"]');
    await page.click('button.export[data-format="md"]');
    const messages = (await posted()).filter((m) => m.type === 'reveal' || m.type === 'export');
    assert.deepEqual(messages, [
      { type: 'reveal', location: update.risks!.risks[0]!.location },
      { type: 'reveal', location: update.soa!.rows.find((r) => r.id === 'A.5.1')!.location },
      { type: 'export', format: 'xlsx', requestId: 1 },
      { type: 'export', format: 'md', requestId: 2 },
    ]);

    await post({ type: 'exportResult', requestId: 1, outcome: 'written', message: `Exported to ${RISK_TITLE}` });
    // window.postMessage is dispatched as a task of its own: wait for it to be handled.
    await page.waitForFunction((text) => document.querySelector('.status')?.textContent === text, `Exported to ${RISK_TITLE}`, { timeout: 5000 }).catch(() => undefined);
    assert.equal(await page.textContent('.status'), `Exported to ${RISK_TITLE}`);

    const before = await page.evaluate(() => document.body.textContent);
    await post({ type: 'update', version: 'x', soa: { rows: [{ id: '<img src=x onerror=alert(8)>' }] } });
    await post({ type: 'update', version: 2, folderUri: 'file:///ws', folderName: 'ws', soa: { rows: 'nope' }, risks: null });
    await post({ type: 'error', version: 3, message: REASON });
    await page.waitForFunction((text) => document.querySelector('.status')?.textContent === text, REASON, { timeout: 5000 }).catch(() => undefined);
    assert.equal(await page.textContent('.status'), REASON);
    assert.equal(await page.evaluate(() => document.body.textContent), before.replace(`Exported to ${RISK_TITLE}`, REASON));
    assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
    assert.deepEqual(dialogs, []);
  });

  it('renders the coverage section of each declared framework with its credit, bars and gaps, hostile pack text as text', async () => {
    await openWithData();
    // The section is hidden while no framework is declared.
    assert.equal(await page.evaluate(() => (document.querySelector('.coverage')?.parentElement as HTMLElement | null)?.hidden), true);
    const location: PlainLocation = { uri: 'file:///ws/soa.isms', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 14 } } };
    const totals = (covered: number, gap: number) => ({ covered, partial: 0, gap, unmapped: 0, total: covered + gap });
    const frameworks: FrameworksResult = {
      folderUri: 'file:///ws',
      meaning: 'helps meet',
      available: ['soc2'],
      packErrors: [],
      frameworks: [
        {
          framework: { id: 'soc2', label: 'soc2', name: ORGANIZATION, groupKind: 'function', credit: `Mapping pack ${EVIDENCE}` },
          totals: totals(1, 1),
          targets: { 'A.5.1': { id: 'A.5.1', kind: 'control', title: 'Policies', state: 'not-implemented', meets: false, location } },
          groups: [
            {
              id: 'CC1',
              name: PARTY_TITLE,
              totals: totals(1, 1),
              requirements: [
                { id: 'CC1.1', title: 'Met', group: 'CC1', status: 'covered', targets: [] },
                { id: 'CC1.2', title: RISK_TITLE, group: 'CC1', status: 'gap', targets: ['A.5.1'] },
              ],
            },
          ],
        },
      ],
    };
    await post({ ...hostileUpdate(2), frameworks });
    await waitForPosted('rendered', 2);
    const shown = await page.evaluate(() => ({
      hidden: (document.querySelector('.coverage')?.parentElement as HTMLElement | null)?.hidden,
      heading: document.querySelector('.coverage .framework h3')?.textContent,
      bars: Array.from(document.querySelectorAll('.coverage .bar-row .bar-title'), (e) => e.textContent),
      widths: Array.from(document.querySelectorAll('.coverage .bar-row:first-child .segment'), (e) => (e as HTMLElement).style.width),
      gaps: Array.from(document.querySelectorAll('.coverage table.gaps tbody td'), (e) => e.textContent),
      credit: Array.from(document.querySelectorAll('.coverage .credit'), (e) => e.textContent),
    }));
    assert.deepEqual(shown, {
      hidden: false,
      heading: ORGANIZATION,
      bars: [`CC1 ${PARTY_TITLE}`, 'All requirements'],
      widths: ['50%', '50%'],
      gaps: ['CC1.2', RISK_TITLE, 'A.5.1 not-implemented'],
      credit: [
        'A mapping means the ISO/IEC 27001 control or clause helps meet (part of) the requirement; it never shows compliance on its own.',
        `Source: Mapping pack ${EVIDENCE}`,
      ],
    });
    await page.click('.coverage table.gaps button');
    assert.deepEqual((await posted()).filter((m) => m.type === 'reveal'), [{ type: 'reveal', location }]);
    assert.equal(await page.evaluate(() => document.querySelectorAll('img, svg, iframe, math, a').length), 0);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(await page.evaluate(() => (window as unknown as TestWindow).__violations), []);
  });

  it('restores the data and the selection from its state after a reload', async () => {
    await openWithData(5);
    await page.click('.heatmap[data-matrix="inherent"] button.cell[data-likelihood="4"][data-impact="3"]');
    await page.fill('input.search', 'alert(2)');
    await page.reload();
    await waitForPosted('ready');
    assert.deepEqual(
      (await posted()).filter((m) => m.type === 'ready'),
      [{ type: 'ready', restoredVersion: 5 }],
    );
    // Rendered from the state alone, before any update.
    assert.equal(await page.getAttribute('.heatmap[data-matrix="inherent"] button.cell[data-likelihood="4"][data-impact="3"]', 'aria-pressed'), 'true');
    assert.equal(await page.textContent('.heatmap[data-matrix="inherent"] .risk-list [data-risk-id="R-1"]'), `R-1 ${RISK_TITLE}`);
    assert.equal(await page.inputValue('input.search'), 'alert(2)');
    assert.deepEqual(await page.evaluate(() => Array.from(document.querySelectorAll('tr.control'), (tr) => tr.getAttribute('data-id'))), ['A.5.1']);
    assert.equal(await page.evaluate(() => document.querySelectorAll('img, svg').length), 0);
    assert.deepEqual(dialogs, []);
  });

  it('the CSP stops scripts and handlers without the nonce, while the preview script runs', async () => {
    await page.goto(`${origin}/injected.html`);
    await waitForPosted('ready');
    await page.waitForLoadState('networkidle');
    const ran = await page.evaluate(() => ({
      inline: (window as unknown as TestWindow).__injectedRan ?? false,
      handler: (window as unknown as TestWindow).__handlerRan ?? false,
      external: (window as unknown as TestWindow).__externalRan ?? false,
      preview: document.querySelector('.toolbar') !== null,
    }));
    assert.deepEqual(ran, { inline: false, handler: false, external: false, preview: true });
    const violations = await page.evaluate(() => (window as unknown as TestWindow).__violations);
    assert.ok(violations.some((v) => v.startsWith('script-src')), JSON.stringify(violations));
    assert.ok(!requested.includes('/external.js'), 'the external script was not even fetched');
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.match(csp ?? '', /^default-src 'none'; img-src http:\/\/127\.0\.0\.1:\d+ data:; style-src http:\/\/127\.0\.0\.1:\d+; script-src 'nonce-[A-Za-z0-9+/]+={0,2}'; font-src http:\/\/127\.0\.0\.1:\d+$/);
    assert.deepEqual(dialogs, []);
  });
});
