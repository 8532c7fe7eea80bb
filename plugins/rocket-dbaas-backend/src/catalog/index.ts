/**
 * The catalog module of Rocket DBaaS (a second export of the backend plugin).
 *
 * @packageDocumentation
 */
export { catalogModuleRocketDbaas as default } from './module';
export { RocketEntityProvider } from './RocketEntityProvider';
export { rocketEntities } from './rocketEntities';
