import { server } from '../../__testUtils__/fakeRocketApi';
import { choosePoolServers } from './choosePoolServers';

describe('choosePoolServers', () => {
  it('spreads a cluster over two datacenters', () => {
    const pool = [server('a1', { datacenter: 'dc1' }), server('a2', { datacenter: 'dc1' }), server('a3', { datacenter: 'dc1' }), server('b1', { datacenter: 'dc2' })];
    expect(choosePoolServers(pool, 3)).toEqual(['a1', 'b1', 'a2']);
  });

  it('takes what there is when the pool is short', () => {
    expect(choosePoolServers([server('a1')], 3)).toEqual(['a1']);
    expect(choosePoolServers([], 3)).toEqual([]);
  });
});
