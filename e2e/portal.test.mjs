// End-to-end: Debian's Chromium against the running portal (started by scripts/e2e.sh).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const APP = process.env.ROCKET_E2E_APP_URL ?? 'http://localhost:3000';
const BACKEND = process.env.ROCKET_E2E_BACKEND_URL ?? 'http://localhost:7007';

let browser;
let page;

async function guestToken() {
  const res = await fetch(`${BACKEND}/api/auth/guest/refresh?env=development`, { headers: { 'X-Requested-With': 'XMLHttpRequest' } });
  assert.equal(res.status, 200);
  return (await res.json()).backstageIdentity.token;
}

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.setDefaultTimeout(30_000);
});

after(async () => {
  await browser?.close();
});

test('the overview lists the demo clusters and a row expands to its servers', async () => {
  await page.goto(`${APP}/rocket-dbaas`);
  const enter = page.getByRole('button', { name: 'Enter' });
  // the guest sign-in page appears on the first visit only
  await Promise.race([enter.click().catch(() => {}), page.getByText('payments-prod').waitFor()]);
  await page.getByRole('link', { name: 'payments-prod' }).waitFor();
  await page.getByRole('link', { name: 'orders-prod' }).waitFor();
  assert.equal(await page.getByLabel('Clusters total').textContent(), '10');

  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'payments-prod', exact: true }) });
  await row.getByRole('button').first().click();
  await page.getByText('pg001.dc1.example.com').waitFor();
  await page.getByText('127.0.21.1', { exact: true }).waitFor();
  await page.screenshot({ path: 'e2e-test-report/overview.png', fullPage: true });
});

test('the filter box filters on the server', async () => {
  await page.getByPlaceholder('Filter clusters').fill('analytics');
  await page.getByRole('link', { name: 'analytics-qa' }).waitFor();
  await page.getByRole('link', { name: 'payments-prod' }).waitFor({ state: 'detached' });
  await page.getByPlaceholder('Filter clusters').fill('');
  await page.getByRole('link', { name: 'payments-prod' }).waitFor();
});

test("a cluster's page shows its servers, activities, contacts and notes", async () => {
  await page.getByRole('link', { name: 'payments-prod', exact: true }).click();
  await page.waitForURL(/\/rocket-dbaas\/clusters\/payments-prod/);
  await page.getByText('Servers', { exact: true }).waitFor();
  await page.getByText('pg002.dc2.example.com').waitFor();
  await page.getByText('Cluster built with ports').waitFor();

  await page.getByRole('tab', { name: 'Contacts', exact: true }).click();
  await page.getByText('Ada Lovelace').waitFor();

  await page.getByRole('tab', { name: 'Logs', exact: true }).click();
  await page.getByText('No operations yet').waitFor();

  await page.getByRole('tab', { name: 'Notes', exact: true }).click();
  await page.getByText('PCI scope').waitFor();
});

test('a note added in the UI appears at once, and one added elsewhere appears without a reload', async () => {
  const title = `E2E note ${Date.now()}`;
  await page.getByRole('button', { name: 'Add note' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a note' });
  await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
  await dialog.getByRole('textbox', { name: 'Note' }).fill('Written by the end-to-end test');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText(title).waitFor();

  // another user adds a note through the API: the signal refreshes this page
  const other = `Signalled note ${Date.now()}`;
  const res = await fetch(`${BACKEND}/api/rocket-dbaas/clusters/payments-prod/notes`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await guestToken()}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: other, body: 'from the API', colour: 'green' }),
  });
  assert.equal(res.status, 201);
  await page.getByText(other).waitFor({ timeout: 10_000 });
  await page.screenshot({ path: 'e2e-test-report/notes.png', fullPage: true });
});

test('the pool page filters by size and registers a server', async () => {
  await page.goto(`${APP}/rocket-dbaas/pool`);
  await page.getByText('pool01.dc1.example.com').waitFor();
  await page.getByRole('spinbutton', { name: 'CPU ≥' }).fill('16');
  await page.getByText('pool01.dc1.example.com').waitFor({ state: 'detached' });
  await page.getByText('pool07.dc1.example.com').waitFor();

  await page.getByRole('button', { name: 'Register a server' }).click();
  const dialog = page.getByRole('dialog', { name: 'Register a pool server' });
  await dialog.getByRole('textbox', { name: 'Hostname' }).fill('pool99.dc2.example.com');
  await dialog.getByRole('textbox', { name: 'IP address' }).fill('127.0.23.99');
  for (const [label, option] of [['Datacenter', 'dc2'], ['Environment', 'Prod']]) {
    await dialog.getByRole('button', { name: new RegExp(label) }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }
  await dialog.getByRole('spinbutton', { name: 'CPU' }).fill('32');
  await dialog.getByRole('spinbutton', { name: 'RAM (GB)' }).fill('256');
  await dialog.getByRole('spinbutton', { name: 'Disk (GB)' }).fill('4000');
  await dialog.getByRole('button', { name: 'Register' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText('pool99.dc2.example.com').waitFor();
  await page.screenshot({ path: 'e2e-test-report/pool.png', fullPage: true });
});

test('a new contact is linked to an application with a role', async () => {
  await page.goto(`${APP}/rocket-dbaas/applications`);
  await page.getByRole('button', { name: 'New contact' }).click();
  let dialog = page.getByRole('dialog', { name: 'New contact' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Margaret Hamilton');
  await dialog.getByRole('textbox', { name: 'E-mail' }).fill('margaret@example.com');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText('margaret@example.com').waitFor();

  await page.getByRole('button', { name: 'Link a contact' }).click();
  dialog = page.getByRole('dialog', { name: 'Link a contact to an application' });
  for (const [label, option] of [['Application', 'orders'], ['Contact', 'Margaret Hamilton'], ['Role', 'escalation']]) {
    await dialog.getByRole('button', { name: new RegExp(label) }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText('Contacts of orders').waitFor();
  await page.getByRole('row').filter({ hasText: 'Margaret Hamilton' }).filter({ hasText: 'escalation' }).waitFor();
  await page.screenshot({ path: 'e2e-test-report/applications.png', fullPage: true });
});

test('an intake request is approved on the Intake page and opens the create-cluster wizard prefilled', async () => {
  await page.goto(`${APP}/create/templates/default/rocket-intake`);
  await page.getByText('Request a new database').first().waitFor();
  await page.getByRole('textbox', { name: 'Cost centre' }).waitFor();

  const goLive = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const res = await fetch(`${BACKEND}/api/rocket-dbaas/intake`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await guestToken()}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      application: 'e2e billing',
      owner: 'group:default/dba',
      contacts: [{ name: 'Bea Biller', email: 'bea@example.com', role: 'owner' }],
      environments: ['Dev'],
      expectedSizeGb: 16,
      growthGbPerMonth: 1,
      workload: 'oltp',
      availability: '99.9',
      rpoMinutes: 5,
      rtoMinutes: 60,
      dataSensitivity: 'internal',
      maintenanceWindow: { weekday: 'sat', start: '03:30' },
      costCentre: 'CC-9',
      goLiveDate: goLive,
    }),
  });
  assert.equal(res.status, 201);
  const { id } = await res.json();

  await page.goto(`${APP}/rocket-dbaas/intake`);
  await page.getByRole('link', { name: 'e2e billing' }).click();
  await page.getByText(`Request ${id}: e2e billing`).waitFor();
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.getByText(`Request ${id} approved`).waitFor();
  await page.screenshot({ path: 'e2e-test-report/intake.png', fullPage: true });
  await page.getByRole('button', { name: 'Create the Dev cluster' }).click();
  await page.waitForURL(/\/create\/templates\/default\/rocket-create-cluster/);
  await page.getByRole('textbox', { name: 'Cluster name' }).waitFor();
  assert.equal(await page.getByRole('textbox', { name: 'Cluster name' }).inputValue(), 'e2e-billing-dev');
  assert.equal(await page.getByRole('textbox', { name: 'Application', exact: true }).inputValue(), 'e2e billing');
  assert.equal(await page.getByRole('checkbox', { name: /new application/i }).isChecked(), true);
  await page.screenshot({ path: 'e2e-test-report/wizard-from-intake.png', fullPage: true });
});

test('the create-cluster wizard builds a real cluster on three lab servers', { timeout: 300_000 }, async () => {
  const { createHmac } = await import('node:crypto');
  const { readFileSync } = await import('node:fs');
  const pg = (await import('pg')).default;
  await page.goto(`${APP}/create/templates/default/rocket-create-cluster`);
  await page.getByRole('textbox', { name: 'Application', exact: true }).fill('orders');
  await page.getByRole('textbox', { name: 'Cluster name' }).fill('e2e-wizard');
  await page.getByRole('button', { name: 'Next' }).click();
  // the picker proposes three enrolled lab servers across both lab datacenters
  await page.getByText('lab01.lab-dc1.rocket.lab').waitFor({ timeout: 60_000 });
  await page.getByText('3 selected.').waitFor();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  // the task's output links to the cluster's page (it opens in a new tab: follow it here)
  const href = await page.getByRole('link', { name: /The cluster in Rocket/i }).getAttribute('href');
  assert.equal(href, `${APP}/rocket-dbaas/clusters/e2e-wizard`);
  await page.goto(href);
  await page.getByText('provision-cluster #1').waitFor();

  const deadline = Date.now() + 180_000;
  let cluster;
  const token = await guestToken();
  for (;;) {
    const res = await fetch(`${BACKEND}/api/rocket-dbaas/clusters/e2e-wizard`, { headers: { Authorization: `Bearer ${token}` } });
    cluster = await res.json();
    if (cluster.lifecycle !== 'provisioning') break;
    assert.ok(Date.now() < deadline, 'the cluster did not come up within 3 minutes');
    await new Promise(r => setTimeout(r, 2000));
  }
  assert.equal(cluster.lifecycle, 'active');
  assert.equal(cluster.health, 'up');
  assert.deepEqual(cluster.servers.map(s => s.role).sort(), ['async-replica', 'async-replica', 'primary']);
  await page.getByText('up', { exact: true }).first().waitFor();
  await page.screenshot({ path: 'e2e-test-report/wizard-cluster.png', fullPage: true });

  const seed = readFileSync(`${process.env.ROCKET_E2E_LAB_ROOT}/password_seed`, 'utf8').trim();
  const password = createHmac('sha256', seed).update('e2e-wizard:superuser').digest('base64url');
  const connect = async port => {
    // the wizard asks for TLS by default: the servers' certificates are self-signed
    const client = new pg.Client({ host: cluster.servers[0].address, port, user: 'postgres', password, database: 'postgres', ssl: { rejectUnauthorized: false } });
    await client.connect();
    return client;
  };
  const rw = await connect(cluster.readWritePort);
  await rw.query('create table e2e (x int)');
  const written = await rw.query('insert into e2e values (1) returning pg_is_in_recovery() as replica');
  await rw.end();
  assert.equal(written.rows[0].replica, false);
  for (let i = 0; ; i++) {
    const ro = await connect(cluster.readOnlyPort);
    const rows = await ro.query('select pg_is_in_recovery() as replica, count(*)::int as n from e2e').then(r => r.rows, () => []);
    await ro.end();
    if (rows[0]?.n === 1) {
      assert.equal(rows[0].replica, true);
      break;
    }
    assert.ok(i < 30, 'the write did not reach a replica');
    await new Promise(r => setTimeout(r, 1000));
  }

  // and it is in the catalog, a Resource owned by its application's owner
  const application = await (await fetch(`${BACKEND}/api/rocket-dbaas/applications/orders`, { headers: { Authorization: `Bearer ${token}` } })).json();
  for (let i = 0; ; i++) {
    const res = await fetch(`${BACKEND}/api/catalog/entities/by-name/resource/default/e2e-wizard`, { headers: { Authorization: `Bearer ${token}` } });
    const entity = res.ok ? await res.json() : undefined;
    if (entity) {
      assert.equal(entity.spec.type, 'database-cluster');
      assert.ok(entity.relations.some(r => r.type === 'ownedBy' && r.targetRef === application.owner), JSON.stringify(entity.relations));
      break;
    }
    assert.ok(i < 60, 'the cluster did not appear in the catalog');
    await new Promise(r => setTimeout(r, 1000));
  }
});
