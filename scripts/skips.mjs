// What a test run skipped and why, collected across the steps of `npm test`: each runner appends one JSON line
// per reason to the file named by POLICY_LENS_SKIP_REPORT (set by scripts/test-all.mjs), which prints them in
// its summary. Without the variable (a runner started on its own) nothing is written; the runner prints its own.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';

/**
 * @param {{ step: string, reason: string, tests: number, titles: string[] }} record
 */
export function recordSkips(record) {
  const file = process.env.POLICY_LENS_SKIP_REPORT;
  if (file && record.tests > 0) appendFileSync(file, `${JSON.stringify(record)}\n`);
}

/** @returns {{ step: string, reason: string, tests: number, titles: string[] }[]} */
export function readSkips(file) {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

/** The reason a skipped test gives: its own, or the nearest enclosing suite's. */
export const SKIP_REASON = 'policyLensSkipReason';
