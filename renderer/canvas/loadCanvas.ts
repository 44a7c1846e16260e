/**
 * The canvas chunk (React Flow views), loaded once. The editor screen renders it lazily; its
 * chunk is fetched beside the editor's (app/screens.ts), so opening a connector does not wait
 * for it after the document has arrived.
 */
import { preloadable } from '../app/preloadable.js';

export const canvasChunk = preloadable(() => import('./Canvas.js').then((m) => m.Canvas));

export const loadCanvas = canvasChunk.preload;
