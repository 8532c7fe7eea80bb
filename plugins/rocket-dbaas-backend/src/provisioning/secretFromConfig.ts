import { Config } from '@backstage/config';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A secret from config: `<key>` itself (marked secret in config.d.ts) or the
 * file at `<key>Path`, read when used. Undefined while neither is there.
 */
export function secretFromConfig(config: Config, key: string): () => string | undefined {
  const value = config.getOptionalString(key);
  const file = config.getOptionalString(`${key}Path`);
  return () => {
    if (value) return value;
    if (file && fs.existsSync(path.resolve(file))) return fs.readFileSync(path.resolve(file), 'utf8').trim();
    return undefined;
  };
}
