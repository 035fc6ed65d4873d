// Drives the pgforce emulator with the real jsforce 3 client, as a third-party user would:
// log in (SOAP, jsforce's default), describe, create, retrieve, update, upsert, query with
// paging, use sObject Collections and delete, load and query with Bulk API 2.0, and receive a
// Change Data Capture event over CometD. Exits non-zero, naming the step, on any mismatch.
// Usage: node jsforce-check.mjs <loginUrl> <username> <password>
import assert from 'node:assert/strict';
import jsforce from 'jsforce';
import { createRequire } from 'node:module';

// jsforce publishes its streaming extensions as a CommonJS subpath only.
const { StreamingExtension } = createRequire(import.meta.url)('jsforce/api/streaming');

const [loginUrl, username, password] = process.argv.slice(2);
if (!password) {
  console.error('usage: node jsforce-check.mjs <loginUrl> <username> <password>');
  process.exit(2);
}

async function step(name, action) {
  try {
    await action();
    console.log(`ok   ${name}`);
  } catch (error) {
    console.error(`FAIL ${name}: ${error.stack || error}`);
    process.exit(1);
  }
}

const conn = new jsforce.Connection({ loginUrl, version: '60.0' });
let accountId;

await step('login by SOAP', async () => {
  const userInfo = await conn.login(username, password);
  assert.match(userInfo.id, /^005/);
  assert.match(userInfo.organizationId, /^00D/);
  assert.equal(conn.instanceUrl, loginUrl);
});

await step('describeGlobal', async () => {
  const global = await conn.describeGlobal();
  const names = global.sobjects.map((o) => o.name);
  for (const name of ['Account', 'Contact', 'Opportunity', 'Lead', 'Case', 'User']) {
    assert.ok(names.includes(name), `describeGlobal lacks ${name}`);
  }
});

await step('describe Account', async () => {
  const account = await conn.sobject('Account').describe();
  assert.equal(account.keyPrefix, '001');
  const billing = account.fields.find((f) => f.name === 'BillingAddress');
  assert.equal(billing.type, 'address');
});

await step('create and retrieve', async () => {
  const result = await conn.sobject('Account').create({ Name: 'jsforce Account', Industry: 'Retail' });
  assert.equal(result.success, true);
  accountId = result.id;
  const record = await conn.sobject('Account').retrieve(accountId);
  assert.equal(record.Name, 'jsforce Account');
  assert.equal(record.attributes.type, 'Account');
});

await step('update', async () => {
  const result = await conn.sobject('Account').update({ Id: accountId, Name: 'jsforce Account 2' });
  assert.equal(result.success, true);
  const record = await conn.sobject('Account').retrieve(accountId);
  assert.equal(record.Name, 'jsforce Account 2');
});

await step('upsert by external id', async () => {
  const created = await conn.sobject('Account').upsert({ Name: 'Upserted', Ext_Id__c: 'JS-1' }, 'Ext_Id__c');
  assert.equal(created.success, true);
  assert.equal(created.created, true);
  const updated = await conn.sobject('Account').upsert({ Name: 'Upserted 2', Ext_Id__c: 'JS-1' }, 'Ext_Id__c');
  assert.equal(updated.success, true);
  assert.equal(updated.created, false);
  assert.equal(updated.id, created.id);
});

let contactIds;
await step('collections create (recursive past 200)', async () => {
  const contacts = Array.from({ length: 450 }, (_, i) => ({ LastName: `Contact ${i}`, AccountId: accountId }));
  const results = await conn.sobject('Contact').create(contacts, { allowRecursive: true });
  assert.equal(results.length, 450);
  assert.ok(results.every((r) => r.success), JSON.stringify(results.find((r) => !r.success)));
  contactIds = results.map((r) => r.id);
});

await step('query with paging', async () => {
  const soql = `SELECT Id, LastName, Account.Name FROM Contact WHERE AccountId = '${accountId}' ORDER BY LastName`;
  let page = await conn.query(soql, { headers: { 'Sforce-Query-Options': 'batchSize=200' } });
  assert.equal(page.totalSize, 450);
  assert.equal(page.done, false);
  const seen = [...page.records];
  while (!page.done) {
    page = await conn.queryMore(page.nextRecordsUrl);
    seen.push(...page.records);
  }
  assert.equal(seen.length, 450);
  assert.equal(new Set(seen.map((r) => r.Id)).size, 450);
  assert.equal(seen[0].Account.Name, 'jsforce Account 2');
});

await step('query with autoFetch', async () => {
  const records = await conn.query('SELECT Id FROM Contact')
    .run({ autoFetch: true, maxFetch: 10000, headers: { 'Sforce-Query-Options': 'batchSize=200' } });
  assert.equal(records.records.length, 450);
});

await step('collections update and upsert', async () => {
  const updates = contactIds.slice(0, 150).map((Id) => ({ Id, Title: 'Buyer' }));
  const updated = await conn.sobject('Contact').update(updates);
  assert.ok(updated.every((r) => r.success));
  const upserts = [{ Name: 'Up A', Ext_Id__c: 'JS-1' }, { Name: 'Up B', Ext_Id__c: 'JS-2' }];
  const upserted = await conn.sobject('Account').upsert(upserts, 'Ext_Id__c');
  assert.deepEqual(upserted.map((r) => r.success), [true, true]);
  const count = await conn.query("SELECT COUNT() FROM Contact WHERE Title = 'Buyer'");
  assert.equal(count.totalSize, 150);
});

await step('validation errors come back as Salesforce errors', async () => {
  await assert.rejects(conn.sobject('Contact').create({ FirstName: 'No last name' }),
    (error) => error.errorCode === 'REQUIRED_FIELD_MISSING');
  await assert.rejects(conn.query('SELECT Nope FROM Account'),
    (error) => error.errorCode === 'INVALID_FIELD');
});

await step('collections delete and single delete', async () => {
  const deleted = await conn.sobject('Contact').destroy(contactIds.slice(0, 200));
  assert.ok(deleted.every((r) => r.success));
  const one = await conn.sobject('Account').destroy(accountId);
  assert.equal(one.success, true);
  const remaining = await conn.query('SELECT COUNT() FROM Contact');
  assert.equal(remaining.totalSize, 250);
  const all = await conn.query('SELECT COUNT() FROM Contact', { scanAll: true });
  assert.equal(all.totalSize, 450);
});

await step('bulk2.loadAndWaitForResults reports good and bad rows', async () => {
  const results = await conn.bulk2.loadAndWaitForResults({
    object: 'Account',
    operation: 'insert',
    input: [{ Name: 'Bulk A', Phone: '555' }, { Name: 'Bulk B' }, { Phone: 'no name' }],
    pollInterval: 100,
    pollTimeout: 30000,
  });
  assert.equal(results.successfulResults.length, 2);
  assert.ok(results.successfulResults.every((r) => /^001/.test(r.sf__Id) && r.sf__Created === 'true'));
  assert.equal(results.failedResults.length, 1);
  assert.match(results.failedResults[0].sf__Error, /^REQUIRED_FIELD_MISSING:/);
  assert.equal(results.unprocessedRecords.length, 0);
});

await step('bulk2.query returns the loaded rows', async () => {
  const stream = await conn.bulk2.query("SELECT Name, Phone FROM Account WHERE Name LIKE 'Bulk %' ORDER BY Name",
    { pollInterval: 100, pollTimeout: 30000 });
  const records = await stream.toArray();
  assert.deepEqual(records.map((r) => r.Name), ['Bulk A', 'Bulk B']);
  assert.equal(records[0].Phone, '555');
});

await step('a streaming subscription receives a change event', async () => {
  const channel = '/data/AccountChangeEvent';
  const client = conn.streaming.createClient([new StreamingExtension.Replay(channel, -1)]);
  let resolveEvent;
  const received = new Promise((resolve) => { resolveEvent = resolve; });
  const subscription = client.subscribe(channel, (message) => resolveEvent(message));
  await subscription;
  const created = await conn.sobject('Account').create({ Name: 'Streamed' });
  const message = await Promise.race([
    received,
    new Promise((_, reject) => setTimeout(() => reject(new Error('no change event in 15 s')), 15000)),
  ]);
  const header = message.payload.ChangeEventHeader;
  assert.equal(header.changeType, 'CREATE');
  assert.deepEqual(header.recordIds, [created.id]);
  assert.equal(message.payload.Name, 'Streamed');
  assert.ok(message.event.replayId > 0);
  subscription.cancel();
  client.disconnect();
});

console.log('jsforce check passed');
