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
