import { Datacenter, Environment, Page, Port, PortStatus } from '@internal/plugin-rocket-dbaas-common';
import { Paging, RocketStore } from '../database/RocketStore';
import { ChangeNotifier } from './ChangeNotifier';

/** Reference data: environments, datacenters and the port registry. */
export interface ReferenceService {
  environments(): Promise<Environment[]>;
  datacenters(): Promise<Datacenter[]>;
  saveDatacenter(dc: Datacenter): Promise<Datacenter[]>;
  ports(query: Paging & { status?: PortStatus; cluster?: string }): Promise<Page<Port>>;
}

export class DefaultReferenceService implements ReferenceService {
  constructor(
    private readonly store: RocketStore,
    private readonly notifier: ChangeNotifier,
  ) {}

  environments() {
    return this.store.reference.environments();
  }

  datacenters() {
    return this.store.reference.datacenters();
  }

  async saveDatacenter(dc: Datacenter) {
    await this.store.reference.upsertDatacenter(dc);
    await this.notifier.changed({ kind: 'datacenter', key: dc.code });
    return this.datacenters();
  }

  ports(query: Paging & { status?: PortStatus; cluster?: string }) {
    return this.store.ports.list(query);
  }
}
