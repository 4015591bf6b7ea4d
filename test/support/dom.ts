/**
 * The few DOM shapes that code run inside the page (page.evaluate, waitForFunction) touches.
 * The project compiles without the DOM library, so that server code cannot use browser globals
 * by mistake; a test file that evaluates code in the page declares, for its own module only:
 *   declare const document: DomDocument;
 *   declare const window: DomWindow;
 */
export interface DomRect {
  width: number;
  height: number;
  top: number;
  bottom: number;
  right: number;
}

export interface DomElement {
  tagName: string;
  id: string;
  classList: ArrayLike<string>;
  children: ArrayLike<DomElement>;
  textContent: string | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): DomRect;
  querySelector<T extends DomElement = DomElement>(selector: string): T | null;
  querySelectorAll<T extends DomElement = DomElement>(selector: string): ArrayLike<T>;
}

export interface DomCue {
  text?: string;
}

export interface DomTextTrack {
  kind: string;
  language: string;
  mode: 'disabled' | 'hidden' | 'showing';
  activeCues: ArrayLike<DomCue> | null;
}

export interface DomMedia extends DomElement {
  currentTime: number;
  currentSrc: string;
  readyState: number;
  muted: boolean;
  paused: boolean;
  play(): Promise<void>;
  textTracks: ArrayLike<DomTextTrack>;
}

export interface DomDocument {
  documentElement: DomElement & { lang: string; scrollWidth: number };
  body: DomElement;
  activeElement: DomElement | null;
  querySelector<T extends DomElement = DomElement>(selector: string): T | null;
}

export interface DomWindow {
  innerWidth: number;
  innerHeight: number;
}
