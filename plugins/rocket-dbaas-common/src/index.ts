/**
 * Shared types, permissions and constants of Rocket DBaaS.
 *
 * @packageDocumentation
 */
export * from './enums';
export * from './constants';
export * from './permissions';
export * from './types';
