// policy-lens: the core behind a command line, for batch work on a corpus and CI checks of sidecars.
import { runAnalyze } from './analyze';
import { runCheck } from './check';
import { runExport } from './export';
import { runImport, terminalConfirm } from './import';
import { runMatrix } from './matrix';
import { runPassages } from './passages';
import { runMergeDriver } from './merge-driver';

const usage = `Usage: policy-lens <command> [options]

Commands:
  analyze FILE... [--json]           sections, speakers, references and figures of policy texts
  check FILE... [--json] [--write]   re-anchor each document's annotations (FILE.annotations.yaml)
  export FOLDER|FILE --format F [-o OUT] [--bom]
                                     coded passages as csv, w3c (JSON-LD), markdown, qdpx (REFI-QDA) or qdc
  import FILE --into FOLDER [--yes] [--dry-run] [--document PATH]
                                     a .qdpx, .qdc or W3C / Hypothesis JSON into the folder's sidecars
  passages FOLDER [--theme ID]... [--all|--any] [--speaker TEXT] [--section TEXT]
           [--document GLOB] [--text WORDS] [--same-turn] [--json]
                                     the coded passages of a folder's sidecars, by theme, speaker, section
  matrix FOLDER --by speaker|section|document|theme [--count passages|documents|chars]
         [--format table|csv|json] [--same-turn]
                                     themes against speakers, sections, documents or themes
  merge-driver BASE OURS THEIRS [PATH]
                                     git's merge driver for sidecars and codebooks (%O %A %B %P):
                                     merges by annotation and theme id

Options:
  --json      machine-readable output (one object for one file, an array for several)
  --write     (check) update the sidecar with the re-anchored positions
  --bom       (export csv) start with a byte-order mark, for spreadsheet programs
  --yes       (import) write without asking; the plan is printed first either way
  -h, --help  show this help
  -v, --version`;

const io = {
  stdout: (s: string) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
  stderr: (s: string) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'analyze':
      return runAnalyze(rest, io);
    case 'check':
      return runCheck(rest, io);
    case 'export':
      return runExport(rest, { ...io, write: (bytes) => process.stdout.write(bytes) }, typeof POLICY_LENS_VERSION === 'string' ? POLICY_LENS_VERSION : 'dev');
    case 'import':
      return runImport(rest, { ...io, confirm: terminalConfirm() });
    case 'passages':
      return runPassages(rest, io);
    case 'matrix':
      return runMatrix(rest, io);
    case 'merge-driver':
      return runMergeDriver(rest, io);
    case '-v':
    case '--version':
      io.stdout(typeof POLICY_LENS_VERSION === 'string' ? POLICY_LENS_VERSION : 'dev');
      return 0;
    case undefined:
    case '-h':
    case '--help':
      io.stdout(usage);
      return command ? 0 : 2;
    default:
      io.stderr(`policy-lens: unknown command '${command}'\n\n${usage}`);
      return 2;
  }
}

declare const POLICY_LENS_VERSION: string | undefined;

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    io.stderr(`policy-lens: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
