import type { Corpus } from './shared.mjs';

export const samplesDir: string;
export const demoDir: string;
export function prepareSamples(options?: {
  fresh?: boolean;
  log?: (line: string) => void;
  samplesDir?: string;
  corpus?: Pick<Corpus, 'present' | 'docs' | 'reason'>;
}): Promise<string>;
