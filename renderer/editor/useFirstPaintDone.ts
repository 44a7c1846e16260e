import { useEffect, useState } from 'react';
import { afterNextPaint } from './afterNextPaint.js';

/**
 * False until the browser has painted what the component first rendered, then true. The
 * editor draws its canvas first and mounts the inspector and the run panels right after that
 * frame: a reopened connector's graph shows without waiting for their forms and tabs.
 */
export function useFirstPaintDone(): boolean {
  const [done, setDone] = useState(false);
  useEffect(() => afterNextPaint(() => setDone(true)), []);
  return done;
}
