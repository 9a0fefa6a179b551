/**
 * Finding a source sheet's remembered outputs, apart from the schemas in state.ts: the pane
 * asks this while it opens, before it has loaded zod and the readers.
 */

/** Where a source sheet's outputs are remembered: under its id, or under its name from older versions. */
export const outputsOf = <R>(
  outputs: Readonly<Record<string, R>>,
  source: { id: string; name: string },
): R | undefined => outputs[source.id] ?? outputs[source.name];
