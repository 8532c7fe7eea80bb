import { server } from '../../__testUtils__/fakeRocketApi';
import { choosePoolServers, notEnrolledReason } from './choosePoolServers';

describe('choosePoolServers', () => {
  it('spreads a cluster over two datacenters', () => {
    const pinned = { hostKeyFingerprint: 'SHA256:x' };
    const pool = [
      server('a1', { datacenter: 'dc1', ...pinned }),
      server('a2', { datacenter: 'dc1', ...pinned }),
      server('a3', { datacenter: 'dc1', ...pinned }),
      server('b1', { datacenter: 'dc2', ...pinned }),
    ];
    expect(choosePoolServers(pool, 3)).toEqual(['a1', 'b1', 'a2']);
  });

  it('leaves out servers whose host key is not pinned, or was refused', () => {
    const pool = [
      server('a1', { hostKeyFingerprint: null }),
      server('a2', { hostKeyFingerprint: 'SHA256:x' }),
      server('a3', { hostKeyFingerprint: 'SHA256:y', hostKeyMismatchAt: '2026-12-04T10:00:00Z' }),
    ];
    expect(choosePoolServers(pool, 3)).toEqual(['a2']);
    expect(pool.map(notEnrolledReason)).toEqual([
      'host key not enrolled: Rocket cannot reach it yet',
      '',
      'its host key changed and was refused: a DBA must enrol it again',
    ]);
  });

  it('takes what there is when the pool is short', () => {
    expect(choosePoolServers([server('a1', { hostKeyFingerprint: 'SHA256:x' })], 3)).toEqual(['a1']);
    expect(choosePoolServers([], 3)).toEqual([]);
  });
});
