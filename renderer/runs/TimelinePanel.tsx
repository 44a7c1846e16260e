import { useAppStore } from '../store/AppStoreProvider.js';
import { TruncatedText } from '../app/Tooltip.js';
import { timelineBars } from './timeline.js';

/** Waterfall: bars placed by start/end relative to the run start; parallel branches overlap. */
export function TimelinePanel() {
  const run = useAppStore((s) => s.run);
  const doc = useAppStore((s) => s.doc);
  if (!run) return <p className="empty">Run the connector to see its timeline.</p>;
  const { bars, totalMs } = timelineBars(run, doc?.steps.map((s) => s.id) ?? Object.keys(run.steps));
  // Steps by the names the canvas shows (the id is what templates use, not what people read).
  const names = new Map(doc?.steps.map((s) => [s.id, s.name.trim()]) ?? []);
  return (
    <div className="timeline" data-testid="timeline" aria-label={`Timeline, ${Math.round(totalMs)} ms`}>
      {bars.map((bar) => (
        <div key={bar.stepId} className="timeline-row">
          <span className="timeline-label" data-testid={`timeline-label-${bar.stepId}`}><TruncatedText text={names.get(bar.stepId) || bar.stepId} /></span>
          <div className="timeline-track">
            {bar.start >= 0 ? (
              <div className={`timeline-bar status-${bar.status}`} data-testid={`timeline-bar-${bar.stepId}`} data-start={Math.round(bar.start)} data-end={Math.round(bar.end)}
                style={{ left: `${bar.left * 100}%`, width: `${bar.width * 100}%` }} title={`${Math.round(bar.start)}–${Math.round(bar.end)} ms`} />
            ) : <span className="muted small-text" data-testid={`timeline-skipped-${bar.stepId}`}>{bar.status}</span>}
          </div>
          <span className="muted small-text">{bar.start >= 0 ? `${Math.round(bar.end - bar.start)} ms` : ''}</span>
        </div>
      ))}
      <div className="timeline-scale muted small-text"><span>0</span><span>{Math.round(totalMs)} ms</span></div>
    </div>
  );
}
