/** Catches a page that failed to render or to load, and offers a way on instead of a blank screen. */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { buttonClass } from '../components/button';

interface State {
  error?: Error;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('A page failed to render', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="m-6 max-w-xl rounded-lg border border-danger/50 bg-panel p-5">
        <h1 className="text-lg font-semibold">This page could not be shown</h1>
        <p className="mt-2 text-sm text-muted">{this.state.error.message}</p>
        <button
          type="button"
          className={buttonClass('primary', 'mt-4')}
          onClick={() => window.location.reload()}
        >
          Reload the studio
        </button>
      </div>
    );
  }
}
