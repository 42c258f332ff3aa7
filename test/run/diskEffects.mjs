// What the integration suites leave on disk when they run in a Node extension host with a real file
// system (code-server), checked from outside VS Code with Node's own fs: the sidecars really landed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export async function checkDiskEffects(folder) {
  const problems = [];
  const read = (name) => (existsSync(join(folder, name)) ? readFileSync(join(folder, name), 'utf8') : undefined);
  const tagged = read('council-record.txt.annotations.yaml');
  if (!tagged) problems.push('no sidecar on disk for the tagged document');
  else {
    // The suite deletes the first sidecar on disk and tags again: the new one holds only the new passage.
    if (!/quote: The meeting rose\n/.test(tagged)) problems.push('the sidecar on disk lacks the passage tagged after the old sidecar was deleted');
    if (/The draft resolution has been adopted/.test(tagged)) problems.push('an annotation deleted on disk came back');
  }
  if (!read('renamed-executive-order.txt.annotations.yaml')) problems.push('the sidecar did not move with its document on disk');
  if (read('executive-order.txt.annotations.yaml') !== undefined) problems.push('the old sidecar is still on disk');
  const broken = read('statement.txt.annotations.yaml');
  if (broken !== 'policyLens: 1\ndocument: x.txt\nannotations:\n  - id: [unclosed\n') problems.push('the malformed sidecar was changed on disk');
  const leftovers = (await import('node:fs')).readdirSync(folder).filter((f) => f.endsWith('.tmp'));
  if (leftovers.length) problems.push(`temporary files left behind: ${leftovers.join(', ')}`);
  if (problems.length) {
    console.error(`disk checks FAILED:\n  ${problems.join('\n  ')}`);
    return 1;
  }
  console.log('disk checks: sidecars written, moved and left alone on disk as the suites expect');
  return 0;
}
