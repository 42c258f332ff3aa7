// The walkthrough (contributes.walkthroughs): every step completes on an event that really happens (a command of
// ours or of the workbench, a view of ours, a context key that the extension sets), its buttons run commands that
// exist, and its pictures ship in the .vsix.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { WalkthroughIds } from '../../src/extension/commandIds';

const WALKTHROUGH_ID = WalkthroughIds.walkthrough;

interface Step { id: string; title: string; description: string; media: { svg?: string; image?: string; altText?: string }; completionEvents?: string[] }

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const walkthrough = manifest.contributes.walkthroughs[0] as { id: string; steps: Step[] };
const contributedCommands = new Set<string>(manifest.contributes.commands.map((c: { command: string }) => c.command));
const views = new Set<string>(Object.values(manifest.contributes.views as Record<string, { id: string }[]>).flat().map((v) => v.id));
/** Workbench commands the steps' buttons run. */
const workbenchCommands = new Set(['workbench.action.files.openFile', 'workbench.action.quickOpen']);

const localised = (value: string) => nls[/^%(.+)%$/.exec(value)?.[1] ?? ''] ?? value;
const buttons = (step: Step) => [...localised(step.description).matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]);

function extensionSource(): string {
  const read = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? read(join(dir, e.name)) : e.name.endsWith('.ts') ? [readFileSync(join(dir, e.name), 'utf8')] : []));
  return read(join(root, 'src', 'extension')).join('\n');
}

describe('walkthrough', () => {
  it('is the one the extension opens on first activation', () => {
    assert.equal(manifest.contributes.walkthroughs.length, 1);
    assert.equal(walkthrough.id, WALKTHROUGH_ID);
  });

  it('reads a text, hovers a resolution, tags a passage and shows the themes, in that order', () => {
    assert.deepEqual(walkthrough.steps.map((s) => s.id.replace(`${WALKTHROUGH_ID}.`, '')), ['open', 'sessions', 'hover', 'tag', 'themes', 'findPassages', 'openMatrix', 'export']);
  });

  for (const step of walkthrough.steps) {
    describe(step.id, () => {
      it('completes on an event that happens: a contributed command, one of our views, or a context key the extension sets', () => {
        assert.ok(step.completionEvents?.length, 'has completion events');
        const source = extensionSource();
        for (const event of step.completionEvents!) {
          const [kind, value] = [event.slice(0, event.indexOf(':')), event.slice(event.indexOf(':') + 1)];
          if (kind === 'onCommand') assert.ok(contributedCommands.has(value), `${value} is contributed`);
          else if (kind === 'onView') assert.ok(views.has(value), `${value} is one of our views`);
          else if (kind === 'onContext') {
            const key = value === WalkthroughIds.hoveredReferenceContext ? 'WalkthroughIds.hoveredReferenceContext' : `'${value}'`;
            assert.ok(source.includes(`'setContext', ${key}`), `the extension sets the context key ${value}`);
          } else assert.fail(`unexpected completion event ${event}`);
        }
      });

      it('has buttons that run commands which exist', () => {
        assert.ok(buttons(step).length, 'a button');
        for (const command of buttons(step)) {
          const ours = contributedCommands.has(command) || [...views].some((v) => command === `${v}.focus`);
          assert.ok(ours || workbenchCommands.has(command), `${command} exists`);
        }
      });

      it('has a localised title, description and picture description, and a picture that ships', () => {
        for (const value of [step.title, step.description, step.media.altText ?? '']) assert.ok(/^%.+%$/.test(value) && localised(value) !== value, `${value} is localised`);
        assert.ok(step.media.svg && existsSync(join(root, step.media.svg)), `${step.media.svg} exists`);
        assert.match(readFileSync(join(root, '.vscodeignore'), 'utf8'), /^!media\/walkthrough\/\*\.svg$/m);
        assert.match(readFileSync(join(root, step.media.svg!), 'utf8'), /var\(--vscode-editor-background\)/, 'the picture follows the colour theme');
      });
    });
  }


});
