/** Parts of the pane and the page that load when first shown, as chunks of their own (scripts/build-addin.mjs). */
import { type ComponentType, lazy, Suspense } from "react";

/**
 * A component whose code is a chunk of its own, loaded the first time it is shown; nothing is
 * drawn in its place until it is there (a fraction of a second, once per session). Called
 * once per component, at a module's top level, like React's own lazy().
 */
export function later<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() })) as unknown as ComponentType<P>;
  // biome-ignore lint/correctness/noComponentHookFactories: made once at module level, as lazy() is.
  return function Later(props: P) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}
