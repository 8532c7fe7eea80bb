import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AnsibleRunner } from './AnsibleRunner';

describe('AnsibleRunner.removeAbandonedRunFolders', () => {
  it("removes the run folders of processes that are gone, and keeps the living ones'", async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rocket-runner-test-'));
    try {
      // above the kernel's highest pid: no process has it
      const gone = Number(fs.readFileSync('/proc/sys/kernel/pid_max', 'utf8')) + 1;
      for (const name of [`rocket-ansible-${gone}-abc`, `rocket-ansible-${process.pid}-def`, 'rocket-ansible-x', 'other']) {
        fs.mkdirSync(path.join(tmp, name));
        fs.writeFileSync(path.join(tmp, name, 'id'), 'a key');
      }
      expect(await AnsibleRunner.removeAbandonedRunFolders(tmp)).toEqual([`rocket-ansible-${gone}-abc`]);
      expect(fs.readdirSync(tmp).sort()).toEqual(['other', `rocket-ansible-${process.pid}-def`, 'rocket-ansible-x'].sort());
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
