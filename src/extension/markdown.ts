/** Text from documents and codebooks shown inside Markdown (hovers, tooltips) must not turn into markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
