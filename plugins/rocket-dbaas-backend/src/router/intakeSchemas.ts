import {
  AVAILABILITY_TIERS,
  CONTACT_ROLES,
  DATA_SENSITIVITIES,
  DBMS_TYPES,
  ENVIRONMENTS,
  INTAKE_STATUSES,
  WEEKDAYS,
  WORKLOADS,
} from '@internal/plugin-rocket-dbaas-common';
import { z } from 'zod';
import { applicationName, entityRef, paging, text } from './schemas';

const minutes = z.number().int().min(0).max(60 * 24 * 365);

/** A real calendar day, YYYY-MM-DD, not before today (UTC). */
const goLiveDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine(d => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'must be a real date')
  .refine(d => d >= new Date().toISOString().slice(0, 10), 'must not be in the past');

export const intakeSubmitBody = z
  .object({
    application: applicationName,
    owner: entityRef.refine(ref => ref.startsWith('group:'), 'must be a group, like group:default/payments'),
    contacts: z
      .array(
        z
          .object({ name: text(200).min(1), email: z.string().email().max(320), role: z.enum(CONTACT_ROLES) })
          .strict(),
      )
      .min(1, 'must name at least one contact')
      .max(20),
    environments: z
      .array(z.enum(ENVIRONMENTS))
      .min(1, 'must name at least one environment')
      .refine(list => new Set(list).size === list.length, 'must not repeat an environment'),
    dbmsType: z.enum(DBMS_TYPES).default('postgresql'),
    expectedSizeGb: z.number().int().min(1).max(1_000_000),
    growthGbPerMonth: z.number().int().min(0).max(1_000_000),
    workload: z.enum(WORKLOADS),
    availability: z.enum(AVAILABILITY_TIERS),
    rpoMinutes: minutes,
    rtoMinutes: minutes,
    dataSensitivity: z.enum(DATA_SENSITIVITIES),
    maintenanceWindow: z
      .object({ weekday: z.enum(WEEKDAYS), start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM') })
      .strict(),
    costCentre: text(64).min(1).regex(/^[A-Za-z0-9._/-]+$/, 'must be letters, digits, dots, dashes or slashes'),
    goLiveDate,
    notes: text(4000).nullable().default(null),
  })
  .strict();

export const intakeListQuery = z.object({ status: z.enum(INTAKE_STATUSES).optional(), ...paging }).strict();

export const intakeApproveBody = z
  .object({ version: z.number().int().min(1), reason: text(2000).min(1).optional() })
  .strict();

export const intakeRejectBody = z
  .object({ version: z.number().int().min(1), reason: text(2000).min(1, 'must say why the request is rejected') })
  .strict();
