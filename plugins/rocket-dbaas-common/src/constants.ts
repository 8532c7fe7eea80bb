/** The signal channel on which Rocket announces changes. @public */
export const ROCKET_SIGNAL_CHANNEL = 'rocket-dbaas';

/** The Backstage plugin id of Rocket's backend. @public */
export const ROCKET_PLUGIN_ID = 'rocket-dbaas';

/** The message published on {@link ROCKET_SIGNAL_CHANNEL}. @public */
export type RocketChangeSignal = {
  /** What kind of record changed. */
  kind:
    | 'cluster'
    | 'server'
    | 'pool'
    | 'application'
    | 'contact'
    | 'note'
    | 'datacenter'
    | 'intake';
  /** The changed record's key (cluster name, hostname, id). */
  key?: string;
  /** The cluster the change belongs to, when there is one. */
  cluster?: string;
};

/** The annotation on a cluster's catalog entity that names the cluster in Rocket. @public */
export const ROCKET_ANNOTATION_CLUSTER = 'rocket-dbaas.io/cluster-name';

/**
 * The annotation that names an application in Rocket: on the Systems Rocket
 * provides, and on an application's own Component or System to get the
 * Databases tab and the Contacts card. @public
 */
export const ROCKET_ANNOTATION_APPLICATION = 'rocket-dbaas.io/application';
