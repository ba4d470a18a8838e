import { lazy, Suspense, type ComponentProps } from 'react';
import type ModuleScreenType from './module-screen.tsx';

type Props = ComponentProps<typeof ModuleScreenType>;

// The module screens are not needed for the welcome screen, so they are their own chunk: the
// first view stays small, and the chunk is fetched in the background right after it.
let loaded: typeof ModuleScreenType | undefined;
export const preloadModuleScreen = () =>
  import('./module-screen.tsx').then((m) => {
    loaded = m.default;
    return m;
  });
const Lazy = lazy(preloadModuleScreen);

export function LazyModuleScreen({ fallback, ...props }: Props & { fallback: string }) {
  const Loaded = loaded;
  if (Loaded) return <Loaded {...props} />;
  return (
    <Suspense fallback={<p role="status">{fallback}</p>}>
      <Lazy {...props} />
    </Suspense>
  );
}
