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
    /** How Rocket reaches servers over SSH. Host keys are pinned per server. */
    ssh?: {
      /**
       * The private key (OpenSSH or PEM) Rocket logs in with.
       * @visibility secret
       */
      privateKey?: string;
      /** Or a file holding it, read when used; relative to the backend's folder. */
      privateKeyPath?: string;
      /** Default timeout of a remote command, after which it is killed on the server too. Defaults to 60. */
      commandTimeoutSeconds?: number;
      /** Cap on the output kept from one command; the rest is dropped with a marker. Defaults to 1000000. */
      maxOutputBytes?: number;
    };
    /** The catalog module: clusters, applications and contacts as entities. */
    catalog?: {
      /** Seconds between two full syncs. Defaults to 60. */
      syncSeconds?: number;
    };
    /** Provisioning clusters with Ansible. */
    provisioning?: {
      /** The folder of Rocket's playbooks (ansible/ of the repository), relative to the backend's folder. */
      ansibleDir?: string;
      /**
       * The seed the clusters' database passwords are derived from.
       * @visibility secret
       */
      passwordSeed?: string;
      /** Or a file holding it, read when used. */
      passwordSeedPath?: string;
    };
    /** The lab of local servers (make lab), the data plane's embedded default. */
    lab?: {
      /** The inventory the lab playbook writes; its servers are registered as pool servers. */
      inventoryPath?: string;
      /** The environment lab servers are registered in. Defaults to Dev. */
      environment?: string;
    };
  };
}
