/**
 * Rocket DBaaS scaffolder actions.
 *
 * @packageDocumentation
 */
export { rocketScaffolderActionsModule as default } from './module';
