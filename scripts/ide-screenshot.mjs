#!/usr/bin/env node
// Opens the service's Banana Cake Pop IDE in headless Chromium, waits until it has fetched the
// schema by introspection, and saves a screenshot. Requests that leave the machine are blocked and
// make the check fail, so a pass also shows the IDE works offline.
// Usage: node scripts/ide-screenshot.mjs [URL=http://127.0.0.1:5081/graphql] [OUT=out/ide.png]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const url = process.argv[2] ?? 'http://127.0.0.1:5081/graphql';
const out = process.argv[3] ?? 'out/ide.png';
const browserPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });

const isLocal = (address) => {
  try {
    return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(address).hostname);
  } catch {
    return true;
  }
};

const context = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), 'cg-ide-')), {
  executablePath: browserPath,
  headless: true,
  viewport: { width: 1400, height: 860 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const offMachine = [];
await context.route('**/*', (route) => {
  const address = route.request().url();
  if (/^(data|blob):/.test(address) || isLocal(address)) return route.continue();
  offMachine.push(address);
  return route.abort('internetdisconnected');
});
const page = context.pages()[0] ?? (await context.newPage());
const schemaFetched = page.waitForResponse(
  (response) => response.request().method() === 'POST' && (response.request().postData() ?? '').includes('__schema'),
  { timeout: 60000 });
schemaFetched.catch(() => {});
await page.goto(url, { waitUntil: 'load' });

// On a first visit the IDE installs its service worker and reloads itself once; let that finish.
for (let waited = 0; waited < 20000; waited += 250) {
  if (await page.evaluate(() => Boolean(navigator.serviceWorker?.controller)).catch(() => false)) break;
  await page.waitForTimeout(250);
}
await page.waitForLoadState('load').catch(() => {});

// A fresh profile opens on a welcome screen; a new document connects to the preset endpoint.
const createDocument = page.getByRole('button', { name: 'Create Document' });
await createDocument.click({ timeout: 30000 }).catch(() => {});
const introspection = await schemaFetched;
const types = (await introspection.json())?.data?.__schema?.types?.length ?? 0;
await page.waitForLoadState('networkidle', { timeout: 15000 }).catch(() => {});

// Show the schema the IDE built from introspection.
await page.getByText('Schema Definition', { exact: true }).first().click({ timeout: 10000 }).catch(() => {});
await page.waitForTimeout(2000);
await page.screenshot({ path: out });
await context.close();

console.log(`introspection: HTTP ${introspection.status()}, ${types} types; screenshot: ${out}`);
if (offMachine.length > 0) console.log(`blocked requests off the machine:\n  ${offMachine.join('\n  ')}`);
process.exit(introspection.status() === 200 && types > 0 && offMachine.length === 0 ? 0 : 1);
