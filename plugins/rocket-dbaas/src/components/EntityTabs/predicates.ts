import { Entity } from '@backstage/catalog-model';

export const ROCKET_ANNOTATION_CLUSTER = 'rocket-dbaas.io/cluster-name';
export const ROCKET_ANNOTATION_APPLICATION = 'rocket-dbaas.io/application';

/** True for the catalog entity of a Rocket cluster. @public */
export const isRocketClusterAvailable = (entity: Entity) => Boolean(entity.metadata.annotations?.[ROCKET_ANNOTATION_CLUSTER]);
/** True for the catalog entity of a Rocket application. @public */
export const isRocketApplicationAvailable = (entity: Entity) => Boolean(entity.metadata.annotations?.[ROCKET_ANNOTATION_APPLICATION]);
