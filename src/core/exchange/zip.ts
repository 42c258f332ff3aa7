/**
 * Zip archives for `.qdpx` projects, through fflate (pure JavaScript: the same code in the browser and in Node).
 *
 * Reading is defensive, because an import is a file from someone else: every entry's name is checked (no `..`
 * segment, no absolute or drive path, no backslash, no control character), and entries are inflated a few KB at
 * a time with their real size counted, so that a zip bomb or an entry whose header understates its size is
 * refused after at most a few MB of work instead of filling the memory. Only the entries asked for are inflated.
 */
import { Unzip, UnzipInflate, UnzipPassThrough, zipSync, type UnzipFile } from 'fflate';
import { ImportError } from './types';

export interface ZipLimits {
  /** Largest entry, inflated. */
  readonly maxEntryBytes: number;
  /** All inflated entries together. */
  readonly maxTotalBytes: number;
  readonly maxEntries: number;
  /** Largest ratio of inflated to archive size, for archives whose entries inflate past 1 MiB. */
  readonly maxRatio: number;
}

/**
 * The largest UN records are about 300 KB of text; 64 MiB per entry and 256 MiB in all leave room for a few
 * hundred of those. Text deflates about 4:1, and rarely past 20:1; 200:1 is only reached by crafted data.
 */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxEntries: 10_000,
  maxRatio: 200,
};

const CHUNK = 4096;

/** An entry name that stays inside the archive's folder, or why not. */
export function unsafeEntryName(name: string): string | undefined {
  if (name === '') return 'an entry has an empty name';
  if (/[\u0000-\u001f\u007f]/.test(name)) return `the entry name "${printable(name)}" holds control characters`;
  if (name.includes('\\')) return `the entry name "${name}" uses backslashes`;
  if (name.startsWith('/') || /^[a-z]:/i.test(name)) return `the entry "${name}" has an absolute path`;
  if (name.split('/').some((s) => s === '..')) return `the entry "${name}" leaves the archive's folder (..)`;
  return undefined;
}

/**
 * The named entries of an archive (matched by `want`), inflated; every entry's name is checked first.
 * Throws ImportError for anything hostile or broken.
 */
export function readZip(bytes: Uint8Array, want: (name: string) => boolean, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Map<string, Uint8Array> {
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new ImportError('not a zip archive (a .qdpx project is a zip file)');
  const out = new Map<string, Uint8Array>();
  let total = 0;
  let entries = 0;
  let failure: string | undefined;
  const unzip = new Unzip((file: UnzipFile) => {
    if (failure) return;
    entries++;
    const unsafe = unsafeEntryName(file.name);
    if (unsafe) failure = unsafe;
    else if (entries > limits.maxEntries) failure = `the archive has more than ${limits.maxEntries} entries`;
    else if (file.originalSize !== undefined && file.originalSize > limits.maxEntryBytes) failure = `the entry "${file.name}" says it inflates to ${mb(file.originalSize)}, more than the ${mb(limits.maxEntryBytes)} allowed`;
    if (failure || !want(file.name) || file.name.endsWith('/')) return;
    if (file.compression !== 0 && file.compression !== 8) {
      failure = `the entry "${file.name}" uses a compression method (${file.compression}) other than deflate`;
      return;
    }
    const parts: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, data, final) => {
      if (failure) return;
      if (err) {
        failure = `the entry "${file.name}" is damaged (${err.message})`;
        return;
      }
      size += data.length;
      total += data.length;
      if (size > limits.maxEntryBytes) failure = `the entry "${file.name}" inflates to more than ${mb(limits.maxEntryBytes)}`;
      else if (total > limits.maxTotalBytes) failure = `the archive inflates to more than ${mb(limits.maxTotalBytes)}`;
      else if (total > 1024 * 1024 && total > bytes.length * limits.maxRatio) failure = `the archive inflates to more than ${limits.maxRatio} times its size (a zip bomb?)`;
      else if (file.originalSize !== undefined && file.originalSize > 0 && size > file.originalSize) failure = `the entry "${file.name}" holds more than the ${file.originalSize} bytes its header says`;
      if (failure) {
        file.terminate();
        return;
      }
      parts.push(data);
      if (final) out.set(file.name, concat(parts, size));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    for (let at = 0; at < bytes.length && !failure; at += CHUNK) unzip.push(bytes.subarray(at, at + CHUNK), at + CHUNK >= bytes.length);
  } catch (e) {
    failure ??= `the archive is damaged (${e instanceof Error ? e.message : String(e)})`;
  }
  if (failure) throw new ImportError(failure);
  if (entries === 0) throw new ImportError('the zip archive is empty');
  return out;
}

/** A zip of the given entries, deflated, with every entry dated `mtime` (so that the same export gives the same bytes). */
export function writeZip(entries: ReadonlyMap<string, Uint8Array>, mtime: Date): Uint8Array {
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const [name, data] of entries) files[name] = [data, { mtime }];
  return zipSync(files, { level: 6 });
}

function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function mb(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MiB` : `${n} bytes`;
}

function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f]/g, '?');
}
