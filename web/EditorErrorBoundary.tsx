import { Component, type ReactNode } from 'react';

interface Props {
  /** Rendered instead of the children once they threw (e.g. Monaco's chunk failed to load). */
  fallback: ReactNode;
  children: ReactNode;
}

/**
 * Catches a failing Monaco (network error fetching the chunk, worker blocked by CSP)
 * and keeps the user editing in the plain editor instead of a blank pane.
 */
export class EditorErrorBoundary extends Component<Props, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  componentDidCatch(error: unknown): void {
    console.warn('Monaco failed to load; using the plain editor.', error);
  }

  render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
