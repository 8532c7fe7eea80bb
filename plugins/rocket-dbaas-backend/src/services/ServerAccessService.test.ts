import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import request from 'supertest';
import { startRocketTestBackend, RocketTestBackend } from '../__testUtils__/rocketTestBackend';
import { TestSshd } from '../__testUtils__/TestSshd';

jest.setTimeout(60_000);

const api = '/api/rocket-dbaas';
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('host keys: enrolment, checks and refusals against a real sshd', () => {
  const sshd = new TestSshd('127.0.10.251');
  let ctx: RocketTestBackend;
  let knex: Knex;
  const auditor = mockServices.auditor.mock();

  beforeAll(async () => {
    await sshd.start();
    knex = await databases.init('SQLITE_3');
    ctx = await startRocketTestBackend({ knex, auditor, rocketConfig: { ssh: { privateKey: sshd.clientKey } } });
    await request(ctx.server)
      .post(`${api}/pool-servers`)
      .send({
        servers: [
          { hostname: 'sshd.dc1.test', address: sshd.address, datacenter: 'dc1', environment: 'Dev', cpu: 1, ramGb: 1, diskGb: 1, sshUser: 'root', sshPort: sshd.port },
        ],
      })
      .expect(201);
  });
  afterAll(async () => {
    await ctx.backend.stop();
    await sshd.stop();
  });

  it('refuses a server with no pinned key, and pins it at enrolment', async () => {
    const refused = await request(ctx.server).post(`${api}/servers/sshd.dc1.test/check`).send({}).expect(409);
    expect(refused.body.error.message).toMatch(/no pinned host key/);

    const enrolled = await request(ctx.server).post(`${api}/servers/sshd.dc1.test/enrol`).send({}).expect(200);
    expect(enrolled.body.hostKeyFingerprint).toBe(sshd.fingerprint());
    await request(ctx.server).post(`${api}/servers/sshd.dc1.test/enrol`).send({}).expect(409);
  });

  it('checks the connection and reads the OS version', async () => {
    const check = await request(ctx.server).post(`${api}/servers/sshd.dc1.test/check`).send({}).expect(200);
    expect(check.body.server.osVersion).toMatch(/Debian/);
    expect(check.body.server.lastContactAt).not.toBeNull();
    expect(check.body.server.hostKeyMismatchAt).toBeNull();
  });

  it('refuses a changed host key, runs nothing, and records it on the server and in the log', async () => {
    const pinned = sshd.fingerprint();
    sshd.newHostKey();
    await sshd.restart();
    const res = await request(ctx.server).post(`${api}/servers/sshd.dc1.test/check`).send({}).expect(409);
    expect(res.body.error.message).toContain(`not the pinned ${pinned}`);

    const server = await request(ctx.server).get(`${api}/servers/sshd.dc1.test`).expect(200);
    expect(server.body).toMatchObject({ hostKeyFingerprint: pinned, hostKeyPresented: sshd.fingerprint() });
    expect(server.body.hostKeyMismatchAt).not.toBeNull();
    const log = await request(ctx.server).get(`${api}/servers/sshd.dc1.test/activities`).expect(200);
    expect(log.body.items[0]).toMatchObject({ type: 'HostKeyMismatch', planned: false, status: 'failed' });
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'ssh-host-key-refused',
        severityLevel: 'high',
        meta: { hostname: 'sshd.dc1.test', pinned, presented: sshd.fingerprint() },
      }),
    );
    const refusal = auditor.createEvent.mock.calls.findIndex(([options]) => options.eventId === 'ssh-host-key-refused');
    const event = await auditor.createEvent.mock.results[refusal].value;
    expect(event.fail).toHaveBeenCalledWith({ error: expect.objectContaining({ message: expect.stringContaining(pinned) }) });

    // a DBA who checked the new key trusts it explicitly
    const replaced = await request(ctx.server).post(`${api}/servers/sshd.dc1.test/enrol`).send({ replace: true }).expect(200);
    expect(replaced.body).toMatchObject({ hostKeyFingerprint: sshd.fingerprint(), hostKeyMismatchAt: null });
    await request(ctx.server).post(`${api}/servers/sshd.dc1.test/check`).send({}).expect(200);
  });
});
