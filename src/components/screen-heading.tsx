import { useLayoutEffect, useRef, type ReactNode } from 'react';

// The first screen after page load keeps focus at the top (skip link, language switch);
// every later screen change moves focus to its heading so screen readers announce the new screen.
let hasShownAScreen = false;

export function ScreenHeading({ focusKey, children }: { focusKey: string; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  // A layout effect, so focus moves in the same commit that shows the screen.
  useLayoutEffect(() => {
    if (hasShownAScreen) ref.current?.focus();
    hasShownAScreen = true;
  }, [focusKey]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
