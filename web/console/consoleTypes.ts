/** What a console line shows; drives its colour and icon. */
export type ConsoleKind = 'stdout' | 'stderr' | 'result' | 'trap' | 'timeout' | 'info' | 'error';

/** One line of the console pane. */
export interface ConsoleLine {
  /** Monotonic id, used as React key. */
  id: number;
  kind: ConsoleKind;
  /** Guest that produced it; omitted for playground messages. */
  guest?: string;
  text: string;
  /** Trap stack, shown collapsed. */
  stack?: string;
}
