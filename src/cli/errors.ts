/** Why a file could not be read or written, in words, for the command line's error messages. */
export function reason(err: unknown): string {
  const code = (err as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'ELOOP') return 'it is a symbolic link that leads back to itself';
  return err instanceof Error ? err.message : String(err);
}
