/**
 * The catalog module of Rocket DBaaS (a second export of the backend plugin).
 *
 * @packageDocumentation
 */
export { catalogModuleRocketDbaas as default } from './module';
export { RocketEntityProvider } from './RocketEntityProvider';
export { rocketEntities, ROCKET_ANNOTATION_CLUSTER, ROCKET_ANNOTATION_APPLICATION } from './rocketEntities';
