import { useEffect, useRef } from "react";

/** What each shortcut of the workspace does; a missing handler leaves the key alone. */
export type MatchingKeyHandlers = {
  next(): void;
  previous(): void;
  /** Accepts the proposal of this rank (0 = best). */
  accept(rank: number): void;
  manual(): void;
  ignore(): void;
  undo(): void;
  focusSearch(): void;
};

const TYPING_TAGS = new Set(["INPUT", "TEXTAREA", "SELECT"]);
/** Enter on these activates them; only elsewhere does it accept the best candidate. */
const ACTIVATED_BY_ENTER =
  "button, a[href], [role='button'], [role='menuitem'], [role='option'], [role='tab']";

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return TYPING_TAGS.has(target.tagName) || target.isContentEditable;
}

/**
 * The workspace's single-key shortcuts (j/k, ↓/↑, Enter or a, 1–5, s, i, u, /). They are off while
 * the user types in a field, while a dialog has the focus or is open (`isEnabled`), and with Ctrl, Alt
 * or Meta held (browser keys).
 * Keys are read from `event.key`, so that `/` works whatever the keyboard layout (Shift+: on AZERTY).
 */
export function useMatchingKeys(handlers: MatchingKeyHandlers, isEnabled: boolean): void {
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    if (!isEnabled) return;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
      if (isTyping(event.target)) return;
      // Keys typed inside a dialog or a popover belong to it (the page's own dialogs also turn the keys off).
      if (event.target instanceof Element && event.target.closest("[role='dialog']")) return;
      const run = keyAction(event, latest.current);
      if (run) {
        event.preventDefault();
        run();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [isEnabled]);
}

function keyAction(event: KeyboardEvent, on: MatchingKeyHandlers): (() => void) | null {
  switch (event.key) {
    case "j":
    case "ArrowDown":
      return on.next;
    case "k":
    case "ArrowUp":
      return on.previous;
    case "Enter":
      if (event.target instanceof Element && event.target.closest(ACTIVATED_BY_ENTER)) return null;
      return () => on.accept(0);
    case "a":
      return () => on.accept(0);
    case "1":
    case "2":
    case "3":
    case "4":
    case "5":
      return () => on.accept(Number(event.key) - 1);
    case "s":
      return on.manual;
    case "i":
      return on.ignore;
    case "u":
      return on.undo;
    case "/":
      return on.focusSearch;
    default:
      return null;
  }
}
