export interface SkipRecord {
  readonly step: string;
  readonly reason: string;
  readonly tests: number;
  readonly titles: readonly string[];
}
export function recordSkips(record: SkipRecord): void;
export function readSkips(file: string): SkipRecord[];
export const SKIP_REASON: 'policyLensSkipReason';
