/**
 * File snapshots under __snapshots__: the exact bytes a writer produced, reviewed in diffs like any
 * other file. Run with UPDATE_SNAPSHOTS=1 to (re)write them after an intended change.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(__dirname, '..', '__snapshots__');

export function matchSnapshot(name: string, actual: string): void {
  const file = join(DIR, name);
  if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(file)) {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.equal(actual, readFileSync(file, 'utf8'), `snapshot ${name} (UPDATE_SNAPSHOTS=1 to accept)`);
}

export function readSnapshot(name: string): string {
  return readFileSync(join(DIR, name), 'utf8');
}
