import '@testing-library/jest-dom/vitest';

// jsdom has no layout, so it has no ResizeObserver; components that bind to element sizes get
// one that never reports (sizes stay 0, and components fall back to their natural width).
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
	class NoLayoutResizeObserver {
		observe(): void {}
		unobserve(): void {}
		disconnect(): void {}
	}
	Object.assign(window, { ResizeObserver: NoLayoutResizeObserver });
	Object.assign(globalThis, { ResizeObserver: NoLayoutResizeObserver });
}
