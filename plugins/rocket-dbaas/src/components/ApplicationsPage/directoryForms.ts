import { Application, Contact, CONTACT_ROLES, CONTACT_TYPES, NOTIFICATION_TOPICS } from '@internal/plugin-rocket-dbaas-common';
import { ApplicationInput, ContactInput } from '../../api/RocketDbaasApi';
import { FormField, FormValues, optionalText } from '../FormDialog/FormDialog';

export const applicationFields: FormField[] = [
  { name: 'name', label: 'Name', required: true },
  { name: 'owner', label: 'Owner', required: true, helperText: 'A catalog group, e.g. group:default/payments-team' },
  { name: 'description', label: 'Description', type: 'multiline' },
  { name: 'entityRef', label: 'Catalog entity', helperText: 'Optional: the Component or System this application is' },
  { name: 'costCentre', label: 'Cost centre' },
];

export const applicationValues = (a: Application): FormValues => ({
  name: a.name,
  owner: a.owner,
  description: a.description ?? '',
  entityRef: a.entityRef ?? '',
  costCentre: a.costCentre ?? '',
});

export const toApplicationInput = (v: FormValues): ApplicationInput => ({
  name: String(v.name).trim(),
  owner: String(v.owner).trim(),
  description: optionalText(v.description),
  entityRef: optionalText(v.entityRef),
  costCentre: optionalText(v.costCentre),
});

export const contactFields: FormField[] = [
  { name: 'name', label: 'Name', required: true },
  { name: 'type', label: 'Type', type: 'select', options: CONTACT_TYPES, required: true },
  { name: 'email', label: 'E-mail' },
  { name: 'phone', label: 'Phone' },
  { name: 'userRef', label: 'Catalog user', helperText: 'Optional, e.g. user:default/ada' },
];

export const contactValues = (c: Contact): FormValues => ({
  name: c.name,
  type: c.type,
  email: c.email ?? '',
  phone: c.phone ?? '',
  userRef: c.userRef ?? '',
});

export const toContactInput = (v: FormValues): ContactInput => ({
  name: String(v.name).trim(),
  type: (v.type || 'person') as Contact['type'],
  email: optionalText(v.email),
  phone: optionalText(v.phone),
  userRef: optionalText(v.userRef),
});

export const linkFields = (applications: string[], contacts: Contact[]): FormField[] => [
  { name: 'application', label: 'Application', type: 'select', options: applications, required: true },
  { name: 'contactId', label: 'Contact', type: 'select', options: contacts.map(c => ({ value: String(c.id), label: c.name })), required: true },
  { name: 'role', label: 'Role', type: 'select', options: CONTACT_ROLES, required: true },
  { name: 'notify', label: 'Told about', type: 'select', multiple: true, options: NOTIFICATION_TOPICS },
];
