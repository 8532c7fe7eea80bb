import { DatabaseService, resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { RocketStore } from './RocketStore';
import { KnexActivityStore } from './KnexActivityStore';
import { KnexClusterStore } from './KnexClusterStore';
import { KnexDirectoryStore } from './KnexDirectoryStore';
import { KnexIdempotencyStore } from './KnexIdempotencyStore';
import { KnexIntakeStore } from './KnexIntakeStore';
import { KnexNoteStore } from './KnexNoteStore';
import { KnexOperationStore } from './KnexOperationStore';
import { KnexPortStore } from './KnexPortStore';
import { KnexReferenceStore } from './KnexReferenceStore';
import { KnexServerStore } from './KnexServerStore';

const migrationsDir = resolvePackagePath('@internal/plugin-rocket-dbaas-backend', 'migrations');

/** Rocket's store on knex: PostgreSQL in production, SQLite as the embedded default. */
export class DatabaseRocketStore implements RocketStore {
  readonly clusters;
  readonly servers;
  readonly ports;
  readonly directory;
  readonly notes;
  readonly activities;
  readonly reference;
  readonly operations;
  readonly intake;
  readonly idempotency;

  static async create(database: DatabaseService): Promise<DatabaseRocketStore> {
    const knex = await database.getClient();
    if (!database.migrations?.skip) {
      await DatabaseRocketStore.migrate(knex);
    }
    return new DatabaseRocketStore(knex);
  }

  static async migrate(knex: Knex): Promise<void> {
    await knex.migrate.latest({ directory: migrationsDir });
  }

  constructor(private readonly db: Knex | Knex.Transaction) {
    this.clusters = new KnexClusterStore(db);
    this.servers = new KnexServerStore(db);
    this.ports = new KnexPortStore(db);
    this.directory = new KnexDirectoryStore(db);
    this.notes = new KnexNoteStore(db);
    this.activities = new KnexActivityStore(db);
    this.reference = new KnexReferenceStore(db);
    this.operations = new KnexOperationStore(db);
    this.intake = new KnexIntakeStore(db);
    this.idempotency = new KnexIdempotencyStore(db);
  }

  transaction<T>(fn: (tx: RocketStore) => Promise<T>): Promise<T> {
    if ((this.db as Knex.Transaction).isTransaction) return fn(this);
    return this.db.transaction(trx => fn(new DatabaseRocketStore(trx)));
  }
}
