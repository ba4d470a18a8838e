import { useEffect, useRef } from 'react';
import type { ClassEvent } from './class-machine.ts';

/** What a key does in class mode (a presenter remote sends PageDown/PageUp, arrows, B or "."). */
export type KeyAction = ClassEvent | { type: 'fullscreen' } | { type: 'fullscreen.exit' } | { type: 'help' };

interface KeyLike {
  key: string;
  code: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}

const NEXT = ['ArrowRight', 'PageDown', ' '];
const BACK = ['ArrowLeft', 'PageUp'];

/**
 * The action for a key press, or null to leave the key to the browser: typing into a vote field,
 * a shortcut with Ctrl/Alt/⌘, or Space/Enter on a focused button (which presses it).
 */
export function presenterAction(e: KeyLike): KeyAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const target = e.target as HTMLElement | null;
  if (target?.closest?.('input, select, textarea')) return e.key === 'Escape' ? { type: 'fullscreen.exit' } : null;
  if (target?.closest?.('button, a') && (e.key === ' ' || e.key === 'Enter')) return null;
  if (NEXT.includes(e.key)) return { type: 'step.next' };
  if (BACK.includes(e.key)) return { type: 'step.back' };
  if (e.key === 'b' || e.key === 'B' || e.key === '.') return { type: 'screen.blank' };
  if (e.key === 'f' || e.key === 'F') return { type: 'fullscreen' };
  if (e.key === 'Escape') return { type: 'fullscreen.exit' };
  if (e.key === '?') return { type: 'help' };
  // The digit's physical key, so Shift+1 (which types "!") still means option A.
  const digit = /^(?:Digit|Numpad)([1-4])$/.exec(e.code);
  if (digit) return { type: 'vote.add', option: Number(digit[1]) - 1, delta: e.shiftKey ? -1 : 1 };
  return null;
}

/** Listens for presenter keys on the whole page while class mode presents. */
export function usePresenterKeys(dispatch: (action: KeyAction) => void) {
  const latest = useRef(dispatch);
  latest.current = dispatch;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = presenterAction(event);
      if (!action) return;
      event.preventDefault(); // Space and PageDown would scroll the page
      latest.current(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Full screen through the Fullscreen API; refusals (no user gesture, an iframe) are harmless. */
export function toggleFullscreen(force?: boolean) {
  const on = force ?? !document.fullscreenElement;
  if (on && !document.fullscreenElement) void document.documentElement.requestFullscreen?.().catch(() => undefined);
  if (!on && document.fullscreenElement) void document.exitFullscreen?.().catch(() => undefined);
}
