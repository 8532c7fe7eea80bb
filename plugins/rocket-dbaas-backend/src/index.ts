/**
 * Rocket DBaaS backend: Rocket's schema, REST API and orchestration.
 *
 * @packageDocumentation
 */
export { rocketDbaasPlugin as default } from './plugin';
