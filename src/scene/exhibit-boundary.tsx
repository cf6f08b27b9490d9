import { Component, type ReactNode } from 'react'

/**
 * Per-exhibit error boundary, used INSIDE the Canvas (R3F rethrows render errors past
 * the Canvas otherwise). On error it renders nothing and reports once.
 */
export class ExhibitBoundary extends Component<{ onError(e: unknown): void; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false }
  static getDerivedStateFromError() {
    return { failed: true }
  }
  override componentDidCatch(error: unknown) {
    this.props.onError(error)
  }
  override render() {
    return this.state.failed ? null : this.props.children
  }
}
