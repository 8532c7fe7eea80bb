import { NotFoundError } from '@backstage/errors';
import { Application, ApplicationContact, Contact, Page } from '@internal/plugin-rocket-dbaas-common';
import { ContactLink, NewApplication, NewContact, Paging, RocketStore } from '../database/RocketStore';
import { ChangeNotifier } from './ChangeNotifier';

/** Applications and the contacts who are told about their databases. */
export interface DirectoryService {
  listApplications(query: Paging & { q?: string }): Promise<Page<Application>>;
  getApplication(name: string): Promise<Application>;
  createApplication(app: NewApplication): Promise<Application>;
  updateApplication(name: string, patch: Partial<NewApplication>): Promise<Application>;
  listContacts(query: Paging & { q?: string; includeExpired?: boolean }): Promise<Page<Contact>>;
  getContact(id: number): Promise<Contact>;
  createContact(contact: NewContact): Promise<Contact>;
  updateContact(id: number, patch: Partial<NewContact>): Promise<Contact>;
  /** Expiring a contact is a date, not a delete. */
  expireContact(id: number, at?: string): Promise<Contact>;
  applicationContacts(name: string): Promise<ApplicationContact[]>;
  /** The contacts of every application, a page at a time. */
  allApplicationContacts(paging: Paging): Promise<Page<ApplicationContact>>;
  linkContact(name: string, contactId: number, link: ContactLink): Promise<ApplicationContact[]>;
  unlinkContact(name: string, contactId: number): Promise<void>;
}

export class DefaultDirectoryService implements DirectoryService {
  constructor(
    private readonly store: RocketStore,
    private readonly notifier: ChangeNotifier,
  ) {}

  listApplications(query: Paging & { q?: string }) {
    return this.store.directory.listApplications(query);
  }

  async getApplication(name: string) {
    const app = await this.store.directory.getApplication(name);
    if (!app) throw new NotFoundError(`No application named ${name}`);
    return app;
  }

  async createApplication(app: NewApplication) {
    await this.store.directory.insertApplication(app);
    await this.notifier.changed({ kind: 'application', key: app.name });
    return this.getApplication(app.name);
  }

  async updateApplication(name: string, patch: Partial<NewApplication>) {
    const app = await this.getApplication(name);
    await this.store.directory.updateApplication(app.id, patch);
    const newName = patch.name ?? name;
    await this.notifier.changed({ kind: 'application', key: newName });
    return this.getApplication(newName);
  }

  listContacts(query: Paging & { q?: string; includeExpired?: boolean }) {
    return this.store.directory.listContacts(query);
  }

  async getContact(id: number) {
    const contact = await this.store.directory.getContact(id);
    if (!contact) throw new NotFoundError(`No contact with id ${id}`);
    return contact;
  }

  async createContact(contact: NewContact) {
    const id = await this.store.directory.insertContact(contact);
    await this.notifier.changed({ kind: 'contact', key: String(id) });
    return this.getContact(id);
  }

  async updateContact(id: number, patch: Partial<NewContact>) {
    await this.getContact(id);
    await this.store.directory.updateContact(id, patch);
    await this.notifier.changed({ kind: 'contact', key: String(id) });
    return this.getContact(id);
  }

  expireContact(id: number, at?: string) {
    return this.updateContact(id, { expiresAt: at ?? new Date().toISOString() });
  }

  async applicationContacts(name: string) {
    const app = await this.getApplication(name);
    return this.store.directory.listApplicationContacts(app.id);
  }

  allApplicationContacts(paging: Paging) {
    return this.store.directory.listLinks(paging);
  }

  async linkContact(name: string, contactId: number, link: ContactLink) {
    const app = await this.getApplication(name);
    await this.getContact(contactId);
    await this.store.directory.linkContact(app.id, contactId, link);
    await this.notifier.changed({ kind: 'application', key: name });
    return this.store.directory.listApplicationContacts(app.id);
  }

  async unlinkContact(name: string, contactId: number) {
    const app = await this.getApplication(name);
    if (!(await this.store.directory.unlinkContact(app.id, contactId))) {
      throw new NotFoundError(`Contact ${contactId} is not linked to ${name}`);
    }
    await this.notifier.changed({ kind: 'application', key: name });
  }
}
