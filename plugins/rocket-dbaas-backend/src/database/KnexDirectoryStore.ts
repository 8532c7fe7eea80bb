import { Application, ApplicationContact, Contact, Page } from '@internal/plugin-rocket-dbaas-common';
import { Knex } from 'knex';
import { ContactLink, DirectoryStore, NewApplication, NewContact, Paging } from './RocketStore';
import { insertedId, nowIso, readPage, toBool, toIso, toIsoOrNull, uniquely, whereLike } from './conversions';

function toApplication(row: Record<string, any>): Application {
  return {
    id: Number(row.id),
    name: row.name,
    description: row.description ?? null,
    owner: row.owner,
    entityRef: row.entity_ref ?? null,
    costCentre: row.cost_centre ?? null,
    active: toBool(row.active),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

function toContact(row: Record<string, any>): Contact {
  const expiresAt = toIsoOrNull(row.expires_at);
  return {
    id: Number(row.id),
    name: row.name,
    type: row.type,
    email: row.email ?? null,
    phone: row.phone ?? null,
    userRef: row.user_ref ?? null,
    activeFrom: toIso(row.active_from),
    expiresAt,
    active: expiresAt === null || expiresAt > new Date().toISOString(),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

function applicationRow(a: Partial<NewApplication>) {
  const row = {
    name: a.name,
    description: a.description,
    owner: a.owner,
    entity_ref: a.entityRef,
    cost_centre: a.costCentre,
    active: a.active,
  };
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined));
}

function contactRow(c: Partial<NewContact>) {
  const row = {
    name: c.name,
    type: c.type,
    email: c.email,
    phone: c.phone,
    user_ref: c.userRef,
    active_from: c.activeFrom,
    expires_at: c.expiresAt,
  };
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined));
}

export class KnexDirectoryStore implements DirectoryStore {
  constructor(private readonly db: Knex | Knex.Transaction) {}

  async listApplications(query: Paging & { q?: string }): Promise<Page<Application>> {
    const base = this.db('applications');
    if (query.q) whereLike(this.db, base, ['name', 'owner', 'description'], query.q);
    const { rows, totalCount } = await readPage(base, query, b => b.select('*').orderBy('name'));
    return { items: rows.map(toApplication), totalCount };
  }

  async getApplication(name: string): Promise<Application | undefined> {
    const row = await this.db('applications').where({ name }).first();
    return row ? toApplication(row) : undefined;
  }

  async insertApplication(app: NewApplication): Promise<number> {
    const now = nowIso();
    const result = await uniquely(`An application named ${app.name}`, () =>
      this.db('applications')
        .insert({ ...applicationRow(app), created_at: now, updated_at: now })
        .returning('id'),
    );
    return insertedId(result);
  }

  async updateApplication(id: number, patch: Partial<NewApplication>): Promise<void> {
    await uniquely(`An application named ${patch.name}`, () =>
      this.db('applications').where({ id }).update({ ...applicationRow(patch), updated_at: nowIso() }),
    );
  }

  async listContacts(query: Paging & { q?: string; includeExpired?: boolean }): Promise<Page<Contact>> {
    const base = this.db('contacts');
    if (query.q) whereLike(this.db, base, ['name', 'email'], query.q);
    if (!query.includeExpired) {
      base.where(b => b.whereNull('expires_at').orWhere('expires_at', '>', nowIso()));
    }
    const { rows, totalCount } = await readPage(base, query, b => b.select('*').orderBy('name'));
    return { items: rows.map(toContact), totalCount };
  }

  async getContact(id: number): Promise<Contact | undefined> {
    const row = await this.db('contacts').where({ id }).first();
    return row ? toContact(row) : undefined;
  }

  async insertContact(contact: NewContact): Promise<number> {
    const now = nowIso();
    const result = await this.db('contacts')
      .insert({ ...contactRow(contact), active_from: contact.activeFrom ?? now, created_at: now, updated_at: now })
      .returning('id');
    return insertedId(result);
  }

  async updateContact(id: number, patch: Partial<NewContact>): Promise<void> {
    await this.db('contacts').where({ id }).update({ ...contactRow(patch), updated_at: nowIso() });
  }

  private links() {
    return this.db('application_contacts')
      .join('contacts', 'contacts.id', 'application_contacts.contact_id')
      .join('applications', 'applications.id', 'application_contacts.application_id');
  }

  private static toLink(r: Record<string, any>): ApplicationContact {
    return {
      ...toContact(r),
      application: r.application_name,
      role: r.role,
      notify: JSON.parse(r.notify),
      linkActive: toBool(r.link_active),
    };
  }

  private static linkColumns(builder: Knex.QueryBuilder) {
    return builder.select(
      'contacts.*',
      'applications.name as application_name',
      'application_contacts.role',
      'application_contacts.notify',
      'application_contacts.active as link_active',
    );
  }

  async listApplicationContacts(applicationId: number): Promise<ApplicationContact[]> {
    const rows = await KnexDirectoryStore.linkColumns(this.links().where('application_contacts.application_id', applicationId)).orderBy([
      'application_contacts.role',
      'contacts.name',
    ]);
    return rows.map(KnexDirectoryStore.toLink);
  }

  async listLinks(paging: Paging): Promise<Page<ApplicationContact>> {
    const { rows, totalCount } = await readPage(this.links(), paging, b =>
      KnexDirectoryStore.linkColumns(b).orderBy(['application_contacts.application_id', 'application_contacts.contact_id']),
    );
    return { items: rows.map(KnexDirectoryStore.toLink), totalCount };
  }

  async linkContact(applicationId: number, contactId: number, link: ContactLink): Promise<void> {
    const now = nowIso();
    await this.db('application_contacts')
      .insert({
        application_id: applicationId,
        contact_id: contactId,
        role: link.role,
        notify: JSON.stringify(link.notify),
        active: link.active,
        created_at: now,
        updated_at: now,
      })
      .onConflict(['application_id', 'contact_id'])
      .merge(['role', 'notify', 'active', 'updated_at']);
  }

  async unlinkContact(applicationId: number, contactId: number): Promise<boolean> {
    const deleted = await this.db('application_contacts')
      .where({ application_id: applicationId, contact_id: contactId })
      .delete();
    return deleted > 0;
  }
}
