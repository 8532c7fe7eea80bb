// Prints "N passed, N failed, N skipped" from jest's JSON report and node's TAP output.
import { existsSync, readFileSync } from 'node:fs';

const [jestFile, tapFile] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

if (existsSync(jestFile)) {
  const jest = JSON.parse(readFileSync(jestFile, 'utf8'));
  passed += jest.numPassedTests;
  failed += jest.numFailedTests + jest.numRuntimeErrorTestSuites;
  skipped += jest.numPendingTests + jest.numTodoTests;
  // show which databases the store tests ran on
  const byDatabase = {};
  for (const suite of jest.testResults) {
    for (const t of suite.assertionResults) {
      const id = t.ancestorTitles.join(' ').match(/\b(POSTGRES_\d+|SQLITE_3)\b/)?.[1];
      if (id) byDatabase[id] = (byDatabase[id] ?? 0) + (t.status === 'passed' ? 1 : 0);
    }
  }
  for (const [id, n] of Object.entries(byDatabase)) console.log(`store tests on ${id}: ${n} passed`);
} else {
  failed += 1; // jest did not report: count it as a failure
}

if (existsSync(tapFile)) {
  const tap = readFileSync(tapFile, 'utf8');
  const count = name => Number((tap.match(new RegExp(`^# ${name} (\\d+)$`, 'm')) ?? [])[1] ?? 0);
  passed += count('pass');
  failed += count('fail') + count('cancelled');
  skipped += count('skipped') + count('todo');
} else {
  failed += 1; // the end-to-end run did not report
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
