import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readSnapshot } from './support/snapshot';

const root = join(__dirname, '..', '..', '..');
const schema = (name: string) => JSON.parse(readFileSync(join(root, 'schemas', name), 'utf8'));

/**
 * The JSON schemas are for editors (the YAML extension) and other tools; the parser is the authority.
 * These checks keep the two in step on the points that matter: required keys, types and patterns.
 */
describe('JSON schemas', () => {
  it('describe the sidecar the writer produces', () => {
    const s = schema('policy-lens-annotations.schema.json');
    assert.equal(s.$schema, 'http://json-schema.org/draft-07/schema#');
    const file = parse(readSnapshot('added.annotations.yaml'));
    for (const key of s.required) assert.ok(key in file, key);
    assert.match(file.textHash, new RegExp(s.properties.textHash.pattern));
    for (const a of file.annotations) {
      for (const key of s.definitions.annotation.required) assert.ok(key in a, key);
      for (const key of s.definitions.target.required) assert.ok(key in a.target, key);
      assert.equal(typeof a.id, 'string');
    }
  });

  it('describe the codebook format', () => {
    const s = schema('policy-lens-codebook.schema.json');
    const theme = s.definitions.theme;
    assert.deepEqual(theme.required, ['id', 'label', 'color']);
    assert.match('#4e79a7', new RegExp(theme.properties.color.pattern));
    assert.doesNotMatch('has space', new RegExp(theme.properties.id.pattern));
    assert.match('human-rights', new RegExp(theme.properties.id.pattern));
  });
});
