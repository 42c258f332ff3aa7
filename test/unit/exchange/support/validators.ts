/**
 * The standards' own judges: the W3C Web Annotation test suite's runner (../shared/standards/w3c-annotation-tests,
 * run as its README says) and the REFI-QDA XML schemas through libxml2 (xmllint-wasm).
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';

export const REPO = join(__dirname, '..', '..', '..', '..');
export const STANDARDS = join(REPO, '..', 'shared', 'standards');
const W3C_RUNNER = join(STANDARDS, 'w3c-annotation-tests', 'validate.mjs');
export const PROJECT_XSD = join(STANDARDS, 'refi-qda', 'Project-mrt2019.xsd');
/** The codebook schema of REFI-QDA 1.5 §5.2, transcribed from the specification (it is not published beside it here). */
export const CODEBOOK_XSD = join(__dirname, '..', 'fixtures', 'Codebook.xsd');

export interface W3cResult {
  readonly mustPassed: number;
  readonly mustFailed: number;
  readonly annotations: number;
  readonly failures: string[];
}

/** Runs the suite's MUST assertions on a JSON-LD text, from the project's root (where ajv-draft-04 is installed). */
export function w3cValidate(json: string): W3cResult {
  const dir = mkdtempSync(join(tmpdir(), 'policy-lens-w3c-'));
  try {
    const file = join(dir, 'export.jsonld');
    writeFileSync(file, json);
    // The runner ends with process.exit(), which cuts short a report written to a pipe: it writes to a file.
    const reportFile = join(dir, 'report.json');
    const fd = openSync(reportFile, 'w');
    try {
      execFileSync(process.execPath, [W3C_RUNNER, file, '--json'], { cwd: REPO, stdio: ['ignore', fd, 'pipe'] });
    } catch (e) {
      // Exit status 1 means some assertion failed: the report is still written.
      if ((e as { status?: number }).status !== 1) throw e;
    } finally {
      closeSync(fd);
    }
    const out = readFileSync(reportFile, 'utf8');
    const report = JSON.parse(out) as {
      mustPassed: number;
      mustFailed: number;
      annotations: { where: string; results: { pass: boolean; level: string; assertion: string; errors: string[] }[] }[];
      containers: { where: string; results: { pass: boolean; check: string; errors: string[] }[] }[];
    };
    const failures = [
      ...report.annotations.flatMap((a) => a.results.filter((r) => r.level === 'must' && !r.pass).map((r) => `${a.where}: ${r.assertion} ${r.errors.join('; ')}`)),
      ...report.containers.flatMap((c) => c.results.filter((r) => !r.pass).map((r) => `${c.where}: ${r.check} ${r.errors.join('; ')}`)),
    ];
    return { mustPassed: report.mustPassed, mustFailed: report.mustFailed, annotations: report.annotations.length, failures };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function xsdValidate(xml: string, schemaPath: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'document.xml', contents: xml }],
    schema: [{ fileName: 'schema.xsd', contents: readFileSync(schemaPath, 'utf8') }],
  });
  return result.valid ? [] : result.errors.map((e) => e.message ?? e.rawMessage);
}
