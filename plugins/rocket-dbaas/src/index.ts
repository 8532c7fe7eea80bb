/**
 * Rocket DBaaS frontend: overview, cluster, pool-server and application pages.
 *
 * @packageDocumentation
 */
export {
  rocketDbaasPlugin,
  RocketDbaasPage,
  RocketPoolServerPickerFieldExtension,
  EntityRocketClusterContent,
  EntityRocketDatabasesContent,
  EntityRocketContactsCard,
} from './plugin';
export { isRocketClusterAvailable, isRocketApplicationAvailable } from './components/EntityTabs/predicates';
export { rocketDbaasApiRef } from './api/RocketDbaasApi';
export type { RocketDbaasApi } from './api/RocketDbaasApi';
export { RocketDbaasClient } from './api/RocketDbaasClient';
