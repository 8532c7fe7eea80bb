import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { ROCKET_PLUGIN_ID } from '@internal/plugin-rocket-dbaas-common';
import { RocketDbaasApi } from './RocketDbaasApi';

type Query = Record<string, string | number | boolean | undefined>;

function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Talks to Rocket's backend through Backstage's discovery and authenticated fetch. */
export class RocketDbaasClient implements RocketDbaasApi {
  constructor(private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {}

  private async call<T>(method: string, path: string, options: { query?: Query; body?: unknown } = {}): Promise<T> {
    const base = await this.deps.discoveryApi.getBaseUrl(ROCKET_PLUGIN_ID);
    const response = await this.deps.fetchApi.fetch(`${base}${path}${queryString(options.query)}`, {
      method,
      headers: options.body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response.status === 204 ? (undefined as T) : response.json();
  }

  private items<T>(path: string, query?: Query): Promise<T> {
    return this.call<{ items: T }>('GET', path, { query }).then(r => r.items);
  }

  getOverview() {
    return this.call<any>('GET', '/overview');
  }
  listClusters(query: Query) {
    return this.call<any>('GET', '/clusters', { query });
  }
  getCluster(name: string) {
    return this.call<any>('GET', `/clusters/${encodeURIComponent(name)}`);
  }
  provisionCluster(name: string, servers?: string[]) {
    return this.call<any>('POST', `/clusters/${encodeURIComponent(name)}/provision`, { body: servers ? { servers } : {} });
  }
  listClusterActivities(name: string, paging: Query = {}) {
    return this.call<any>('GET', `/clusters/${encodeURIComponent(name)}/activities`, { query: paging });
  }
  listClusterOperations(name: string) {
    return this.items<any>(`/clusters/${encodeURIComponent(name)}/operations`);
  }
  listNotes(cluster: string) {
    return this.items<any>(`/clusters/${encodeURIComponent(cluster)}/notes`);
  }
  addNote(cluster: string, note: object) {
    return this.call<any>('POST', `/clusters/${encodeURIComponent(cluster)}/notes`, { body: note });
  }
  editNote(cluster: string, id: number, note: object) {
    return this.call<any>('PATCH', `/clusters/${encodeURIComponent(cluster)}/notes/${id}`, { body: note });
  }
  deleteNote(cluster: string, id: number) {
    return this.call<void>('DELETE', `/clusters/${encodeURIComponent(cluster)}/notes/${id}`);
  }
  getServer(hostname: string) {
    return this.call<any>('GET', `/servers/${encodeURIComponent(hostname)}`);
  }
  listServerActivities(hostname: string, paging: Query = {}) {
    return this.call<any>('GET', `/servers/${encodeURIComponent(hostname)}/activities`, { query: paging });
  }
  enrolServer(hostname: string, replace: boolean) {
    return this.call<any>('POST', `/servers/${encodeURIComponent(hostname)}/enrol`, { body: { replace } });
  }
  checkServer(hostname: string) {
    return this.call<any>('POST', `/servers/${encodeURIComponent(hostname)}/check`, { body: {} });
  }
  listPoolServers(query: Query) {
    return this.call<any>('GET', '/pool-servers', { query });
  }
  registerPoolServer(server: object) {
    return this.call<any>('POST', '/pool-servers', { body: { servers: [server] } }).then(r => r.items[0]);
  }
  releasePoolServer(hostname: string) {
    return this.call<any>('POST', `/pool-servers/${encodeURIComponent(hostname)}/release`, { body: {} });
  }
  listDatacenters() {
    return this.items<any>('/datacenters');
  }
  listApplications(query: Query = {}) {
    return this.call<any>('GET', '/applications', { query });
  }
  createApplication(app: object) {
    return this.call<any>('POST', '/applications', { body: app });
  }
  updateApplication(name: string, app: object) {
    return this.call<any>('PATCH', `/applications/${encodeURIComponent(name)}`, { body: app });
  }
  listApplicationContacts(name: string) {
    return this.items<any>(`/applications/${encodeURIComponent(name)}/contacts`);
  }
  linkContact(application: string, contactId: number, link: object) {
    return this.call<any>('PUT', `/applications/${encodeURIComponent(application)}/contacts/${contactId}`, { body: link }).then(r => r.items);
  }
  unlinkContact(application: string, contactId: number) {
    return this.call<void>('DELETE', `/applications/${encodeURIComponent(application)}/contacts/${contactId}`);
  }
  listContacts(query: Query = {}) {
    return this.call<any>('GET', '/contacts', { query });
  }
  createContact(contact: object) {
    return this.call<any>('POST', '/contacts', { body: contact });
  }
  updateContact(id: number, contact: object) {
    return this.call<any>('PATCH', `/contacts/${id}`, { body: contact });
  }
  expireContact(id: number) {
    return this.call<any>('POST', `/contacts/${id}/expire`, { body: {} });
  }
  listIntakeRequests(query: Query = {}) {
    return this.call<any>('GET', '/intake', { query });
  }
  getIntakeRequest(id: number) {
    return this.call<any>('GET', `/intake/${id}`);
  }
  decideIntakeRequest(id: number, decision: 'approve' | 'reject', body: object) {
    return this.call<any>('POST', `/intake/${id}/${decision}`, { body });
  }
}
