/**
 * Rocket DBaaS frontend: overview, cluster, pool-server and application pages.
 *
 * @packageDocumentation
 */
export { rocketDbaasPlugin, RocketDbaasPage, RocketPoolServerPickerFieldExtension } from './plugin';
export { rocketDbaasApiRef } from './api/RocketDbaasApi';
export type { RocketDbaasApi } from './api/RocketDbaasApi';
export { RocketDbaasClient } from './api/RocketDbaasClient';
