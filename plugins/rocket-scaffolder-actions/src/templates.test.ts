import { mockServices } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { createApplicationAction } from './actions/createApplicationAction';
import { createClusterAction } from './actions/createClusterAction';
import { submitIntakeAction } from './actions/submitIntakeAction';
import { RocketApiClient } from './RocketApiClient';

const templatesDir = path.resolve(__dirname, '../../../templates');
const rocket = new RocketApiClient(mockServices.discovery(), mockServices.auth());
const actions = new Map(
  [createClusterAction(rocket, 'http://portal.test'), createApplicationAction(rocket), submitIntakeAction(rocket, 'http://portal.test')].map(
    a => [a.id, a],
  ),
);
const templates = fs.readdirSync(templatesDir).map(dir => path.join(templatesDir, dir, 'template.yaml'));

// The catalog refuses a template it cannot parse, and the scaffolder fails a
// step whose input the action does not know: both show only in the portal.
describe.each(templates)('%s', file => {
  const doc = YAML.parseDocument(fs.readFileSync(file, 'utf8'));
  const template = doc.toJS();

  it('is valid YAML and a scaffolder template', () => {
    expect(doc.errors.map(e => e.message)).toEqual([]);
    expect(template).toMatchObject({ apiVersion: 'scaffolder.backstage.io/v1beta3', kind: 'Template', spec: { steps: expect.any(Array) } });
  });

  it("gives each Rocket step only inputs its action knows, and every one it requires", () => {
    const steps = template.spec.steps.filter((s: any) => String(s.action).startsWith('rocket:'));
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) {
      const schema = actions.get(step.action)?.schema?.input as any;
      expect(schema).toBeDefined();
      const known = Object.keys(schema.properties);
      expect(Object.keys(step.input).filter(k => !known.includes(k))).toEqual([]);
      expect((schema.required ?? []).filter((k: string) => !(k in step.input))).toEqual([]);
    }
  });

  it('only reads parameters the form asks for', () => {
    const asked = new Set<string>();
    const collect = (props: Record<string, any> = {}) => Object.keys(props).forEach(k => asked.add(k));
    for (const page of template.spec.parameters) {
      collect(page.properties);
      for (const dep of Object.values<any>(page.dependencies ?? {})) for (const branch of dep.oneOf ?? []) collect(branch.properties);
    }
    const read = [...JSON.stringify(template.spec.steps).matchAll(/parameters\.(\w+)/g)].map(m => m[1]);
    expect(read.filter(p => !asked.has(p))).toEqual([]);
  });
});
