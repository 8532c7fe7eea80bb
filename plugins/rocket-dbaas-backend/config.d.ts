export interface Config {
  /** Rocket DBaaS: the database-as-a-service control plane. */
  rocketDbaas?: {
    /**
     * The range of TCP ports from which each cluster gets its read-write and
     * read-only HAProxy ports.
     */
    ports?: {
      /** First port of the range. Defaults to 6000. */
      first?: number;
      /** Last port of the range, inclusive. Defaults to 6999. */
      last?: number;
    };
    /**
     * Seed the demo inventory (applications, contacts, clusters, pool servers)
     * into an empty store on start. For the embedded default; never in production.
     */
    demoData?: boolean;
  };
}
