import { mockServices } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { createRouter } from './createRouter';

type Layer = { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };

function routesOf(stack: Layer[]): string[] {
  return stack.flatMap(layer => {
    if (layer.route) {
      const openApiPath = layer.route.path.replace(/:(\w+)/g, '{$1}');
      return Object.keys(layer.route.methods).map(method => `${method} ${openApiPath}`);
    }
    return layer.handle?.stack ? routesOf(layer.handle.stack) : [];
  });
}

describe('openapi.yaml', () => {
  it('documents exactly the routes the router serves', async () => {
    const router = await createRouter({
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions(),
      auditor: mockServices.auditor.mock(),
      services: {} as any,
    });
    const served = routesOf((router as unknown as { stack: Layer[] }).stack).sort();
    const spec = YAML.parse(fs.readFileSync(path.resolve(__dirname, '../../openapi.yaml'), 'utf8'));
    const documented = Object.entries(spec.paths as Record<string, Record<string, unknown>>)
      .flatMap(([p, ops]) => Object.keys(ops).filter(k => k !== 'parameters').map(method => `${method} ${p}`))
      .sort();
    expect(served.length).toBeGreaterThan(30);
    expect(documented).toEqual(served);
  });
});
