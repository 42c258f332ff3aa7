import type { AnnotationsSnapshotItem, PolicyLensApi } from '../../../src/extension/api';
import * as assert from './assert';
import { activateExtension, openDocument, waitFor } from './util';

// The demo workspace (demo/, copied into the test workspace) as a newcomer meets it after `npm start`: each
// document opens as Policy Text with its sections, its sidecar's annotations sit exactly on their passages, and
// the Themes view shows the codebook's themes with the document's passages.
const documents: Readonly<Record<string, { annotations: number; section: string; themes: Readonly<Record<string, number>> }>> = {
  'sc-record-dravonia-floods.policy.txt': {
    annotations: 7,
    section: 'The situation in Dravonia',
    themes: { 'Mandates and follow-up': 2, Displacement: 2, Gender: 1, 'Finance and pledges': 1 },
  },
  'press-release-ocean-forum.policy.txt': {
    annotations: 8,
    section: 'Session II',
    themes: { 'Data sharing': 4, 'Finance and pledges': 2, 'Sovereignty and consent': 1 },
  },
  'ga-resolution-early-warning.policy.txt': {
    annotations: 5,
    section: 'The General Assembly,',
    themes: { 'Maintenance and capacity': 1, 'Mandates and follow-up': 1 },
  },
  'parliament-coastal-warning-bill.policy.txt': {
    annotations: 7,
    section: 'Second Reading',
    themes: { 'Protection of people': 3, 'Maintenance and capacity': 2 },
  },
};

describe('the demo workspace', () => {
  let api: PolicyLensApi;

  before(async () => {
    api = (await activateExtension()).exports as PolicyLensApi;
  });

  for (const [name, expected] of Object.entries(documents)) {
    it(`shows ${name} with its sections, annotations and themes`, async () => {
      const editor = await openDocument(name);
      await waitFor('Policy Text', () => editor.document.languageId === 'policytext');
      const snapshot = await waitFor('the annotations', async () => {
        const s = await api.annotationsSnapshot(editor.document.uri.toString());
        return Array.isArray(s) && s.length === expected.annotations ? s : undefined;
      }) as AnnotationsSnapshotItem[];
      for (const a of snapshot) assert.equal(a.status, 'exact', `${a.id} "${a.text}"`);
      await waitFor(`the section ${expected.section} in the Sessions view`, () => {
        const all = api.sessionsSnapshot().flatMap(function flat(i): { label: string; children: typeof i.children }[] { return [i, ...i.children.flatMap(flat)]; });
        return all.some((i) => i.label === expected.section) ? true : undefined;
      });
      const themes = await waitFor('the codebook themes in the Themes view', () => {
        const t = api.themesSnapshot();
        return Object.keys(expected.themes).every((label) => t.some((n) => n.label === label)) ? t : undefined;
      });
      for (const [label, count] of Object.entries(expected.themes)) {
        const theme = themes.find((n) => n.label === label)!;
        assert.equal(theme.contextValue, 'theme', label);
        // `2 · 4 in 3 docs`: this document's passages first, then the folder's once it is indexed.
        assert.match(theme.description ?? '', new RegExp(`^${count}(?: ·|$)`), `${label}: passages in ${name}`);
      }
    });
  }
});
