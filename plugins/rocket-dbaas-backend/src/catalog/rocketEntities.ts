import { Entity } from '@backstage/catalog-model';
import {
  Application,
  ApplicationContact,
  ClusterWithServers,
  ROCKET_ANNOTATION_APPLICATION,
  ROCKET_ANNOTATION_CLUSTER,
} from '@internal/plugin-rocket-dbaas-common';

export const CONTACTS_NAMESPACE = 'rocket';

const LOCATION = 'url:rocket-dbaas';

/** A catalog name: lowercase letters, digits and dashes, at most 63 characters. */
export function entityName(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63) || 'unnamed';
}

function metadataOf(name: string, portalUrl: string, path: string, annotations: Record<string, string>, extra: Partial<Entity['metadata']> = {}) {
  return {
    name,
    annotations: {
      'backstage.io/managed-by-location': LOCATION,
      'backstage.io/managed-by-origin-location': LOCATION,
      ...annotations,
    },
    links: [{ url: `${portalUrl}/rocket-dbaas${path}`, title: 'Rocket DBaaS', icon: 'dashboard' }],
    ...extra,
  };
}

/** The name part of an entity ref: group:default/payments-team is payments-team. */
function ownerName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1).replace(/^[a-z]+:/, '');
}

/** The system an application is in the catalog: its own entity, or the System Rocket provides. */
export function applicationRef(app: Application): string {
  return app.entityRef ?? `system:default/${entityName(app.name)}`;
}

/** The key of every entity Rocket provides, in full and delta mutations alike. */
export const ROCKET_LOCATION_KEY = 'rocket-dbaas';

/** A cluster as a Resource of type database-cluster, owned by its application's owner. */
export function clusterEntity(c: ClusterWithServers, app: Application, portalUrl: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: metadataOf(entityName(c.name), portalUrl, `/clusters/${c.name}`, { [ROCKET_ANNOTATION_CLUSTER]: c.name }, {
      title: c.name,
      // the owner's name in the text lets catalog search find clusters by their owner
      description: `${c.description ? `${c.description}. ` : ''}${c.dbmsType} cluster of ${c.application} (${c.environment}), owned by ${ownerName(app.owner)}`,
      tags: [c.dbmsType, entityName(c.environment), c.health].map(entityName),
    }),
    spec: {
      type: 'database-cluster',
      owner: app.owner,
      system: applicationRef(app),
      dependencyOf: [applicationRef(app)],
      lifecycle: c.environment === 'Prod' ? 'production' : 'experimental',
    },
  };
}

/** The ref of a cluster's Resource. */
export function clusterEntityRef(name: string): string {
  return `resource:default/${entityName(name)}`;
}

/**
 * Rocket's inventory as catalog entities: each cluster a Resource (type
 * database-cluster) owned by its application's owner; each application without
 * an entity of its own a System; each contact a User in the `rocket`
 * namespace, a member of one Group per application.
 */
export function rocketEntities(
  clusters: ClusterWithServers[],
  applications: Application[],
  contacts: ApplicationContact[],
  portalUrl: string,
): Entity[] {
  const apps = new Map(applications.map(a => [a.name, a]));
  const entities: Entity[] = [];

  for (const c of clusters) {
    const app = apps.get(c.application);
    if (app) entities.push(clusterEntity(c, app, portalUrl));
  }

  for (const app of applications) {
    if (!app.entityRef) {
      entities.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'System',
        metadata: metadataOf(entityName(app.name), portalUrl, '/applications', { [ROCKET_ANNOTATION_APPLICATION]: app.name }, {
          title: app.name,
          description: app.description ?? undefined,
        }),
        spec: { owner: app.owner },
      });
    }
    const group = `${entityName(app.name)}-contacts`;
    const people = contacts.filter(c => c.application === app.name && c.active && c.linkActive);
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: {
        ...metadataOf(group, portalUrl, '/applications', { [ROCKET_ANNOTATION_APPLICATION]: app.name }),
        namespace: CONTACTS_NAMESPACE,
        title: `Contacts of ${app.name}`,
      },
      spec: { type: 'contacts', children: [] },
    });
    for (const person of people) {
      entities.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: {
          ...metadataOf(entityName(`${person.name}-${person.id}`), portalUrl, '/applications', {}),
          namespace: CONTACTS_NAMESPACE,
          title: person.name,
          description: `${person.role} of ${app.name}`,
        },
        spec: {
          profile: { displayName: person.name, ...(person.email ? { email: person.email } : {}) },
          memberOf: [`group:${CONTACTS_NAMESPACE}/${group}`],
        },
      });
    }
  }

  // a contact of several applications is one User, a member of each group
  const users = new Map<string, Entity>();
  for (const e of entities) {
    if (e.kind !== 'User') continue;
    const seen = users.get(e.metadata.name);
    if (seen) (seen.spec!.memberOf as string[]).push(...(e.spec!.memberOf as string[]));
    else users.set(e.metadata.name, e);
  }
  return [...entities.filter(e => e.kind !== 'User'), ...users.values()];
}
