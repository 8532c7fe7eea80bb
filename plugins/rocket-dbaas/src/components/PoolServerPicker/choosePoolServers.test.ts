import { server } from '../../__testUtils__/fakeRocketApi';
import { choosePoolServers } from './choosePoolServers';

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

  it('leaves out servers whose host key is not pinned', () => {
    const pool = [server('a1', { hostKeyFingerprint: null }), server('a2', { hostKeyFingerprint: 'SHA256:x' })];
    expect(choosePoolServers(pool, 3)).toEqual(['a2']);
  });

  it('takes what there is when the pool is short', () => {
    expect(choosePoolServers([server('a1', { hostKeyFingerprint: 'SHA256:x' })], 3)).toEqual(['a1']);
    expect(choosePoolServers([], 3)).toEqual([]);
  });
});
