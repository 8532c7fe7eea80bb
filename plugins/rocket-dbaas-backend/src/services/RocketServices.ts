import { RocketStore } from '../database/RocketStore';
import { ChangeNotifier } from './ChangeNotifier';
import { ClusterService, DefaultClusterService } from './ClusterService';
import { DefaultDirectoryService, DirectoryService } from './DirectoryService';
import { DefaultNoteService, NoteService } from './NoteService';
import { DefaultPoolService, PoolService } from './PoolService';
import { DefaultReferenceService, ReferenceService } from './ReferenceService';
import { DefaultServerService, ServerService } from './ServerService';

/** Every service of Rocket's backend. */
export type RocketServices = {
  clusters: ClusterService;
  servers: ServerService;
  pool: PoolService;
  directory: DirectoryService;
  notes: NoteService;
  reference: ReferenceService;
};

export function createRocketServices(store: RocketStore, notifier: ChangeNotifier): RocketServices {
  return {
    clusters: new DefaultClusterService(store, notifier),
    servers: new DefaultServerService(store, notifier),
    pool: new DefaultPoolService(store, notifier),
    directory: new DefaultDirectoryService(store, notifier),
    notes: new DefaultNoteService(store, notifier),
    reference: new DefaultReferenceService(store, notifier),
  };
}
