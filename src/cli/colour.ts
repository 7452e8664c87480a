/**
 * Whether to colour a stream: FORCE_COLOR wins (any value but 0/false turns colour on, 0/false off, as in
 * Node), then NO_COLOR (set and non-empty: no colour, https://no-color.org), then only on a terminal.
 */
export function useColour(stream: { readonly isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.trim().toLowerCase());
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}
