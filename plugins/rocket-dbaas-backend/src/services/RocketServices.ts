import { AuditorService } from '@backstage/backend-plugin-api';
import { RocketStore } from '../database/RocketStore';
import { SshExecutor } from '../ssh/SshExecutor';
import { ChangeNotifier } from './ChangeNotifier';
import { ClusterService, DefaultClusterService } from './ClusterService';
import { DefaultDirectoryService, DirectoryService } from './DirectoryService';
import { DefaultIntakeService, IntakeService } from './IntakeService';
import { DefaultNoteService, NoteService } from './NoteService';
import { DefaultPoolService, PoolService } from './PoolService';
import { DefaultProvisioningService, ProvisioningService } from './ProvisioningService';
import { DefaultReferenceService, ReferenceService } from './ReferenceService';
import { DefaultServerAccessService, ServerAccessService } from './ServerAccessService';
import { DefaultServerService, ServerService } from './ServerService';

/** Every service of Rocket's backend. */
export type RocketServices = {
  clusters: ClusterService;
  servers: ServerService;
  pool: PoolService;
  directory: DirectoryService;
  notes: NoteService;
  reference: ReferenceService;
  access: ServerAccessService;
  intake: IntakeService;
  provisioning: ProvisioningService;
};

export type RocketServiceDeps = {
  store: RocketStore;
  notifier: ChangeNotifier;
  auditor: AuditorService;
  ssh: () => SshExecutor | undefined;
};

export function createRocketServices({ store, notifier, auditor, ssh }: RocketServiceDeps): RocketServices {
  const clusters = new DefaultClusterService(store, notifier);
  return {
    access: new DefaultServerAccessService(store, notifier, auditor, ssh),
    clusters,
    provisioning: new DefaultProvisioningService(store, notifier, clusters),
    servers: new DefaultServerService(store, notifier),
    pool: new DefaultPoolService(store, notifier),
    directory: new DefaultDirectoryService(store, notifier),
    notes: new DefaultNoteService(store, notifier),
    reference: new DefaultReferenceService(store, notifier),
    intake: new DefaultIntakeService(store, notifier),
  };
}
