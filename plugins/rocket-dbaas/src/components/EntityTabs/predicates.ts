import { Entity } from '@backstage/catalog-model';
import { ROCKET_ANNOTATION_APPLICATION, ROCKET_ANNOTATION_CLUSTER } from '@internal/plugin-rocket-dbaas-common';

/** True for the catalog entity of a Rocket cluster. @public */
export const isRocketClusterAvailable = (entity: Entity) => Boolean(entity.metadata.annotations?.[ROCKET_ANNOTATION_CLUSTER]);
/** True for the catalog entity of a Rocket application. @public */
export const isRocketApplicationAvailable = (entity: Entity) => Boolean(entity.metadata.annotations?.[ROCKET_ANNOTATION_APPLICATION]);
