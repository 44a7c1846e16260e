/**
 * Five stars: shows the average, and when `onRate` is given, five real buttons ("Rate 4 of 5")
 * that preview on hover/focus and show the user's own rating, which they can change.
 */
import { useState } from 'react';

export function RatingStars({ rating, count, myRating, onRate }: { rating: number | null; count: number; myRating?: number | null; onRate?: (stars: number) => void }) {
  const [preview, setPreview] = useState<number | null>(null);
  const average = <span className="muted small-text">{rating === null ? 'not rated yet' : `${rating.toFixed(1)} (${count} rating${count === 1 ? '' : 's'})`}</span>;
  if (!onRate) {
    return (
      <span className="rating" data-testid="template-rating" data-rating={rating ?? ''} data-count={count}>
        <span aria-hidden="true">{[1, 2, 3, 4, 5].map((n) => <span key={n} className={`star ${rating !== null && n <= Math.round(rating) ? 'on' : ''}`}>★</span>)}</span>
        {average}
      </span>
    );
  }
  const lit = preview ?? myRating ?? 0;
  return (
    <span className="rating rating-input" data-testid="template-rating" data-rating={rating ?? ''} data-count={count}>
      <span role="group" aria-label="Your rating" className="rating-buttons" onMouseLeave={() => setPreview(null)}>
        {[1, 2, 3, 4, 5].map((n) => (
          <button key={n} type="button" aria-pressed={myRating === n} className={`star ${n <= lit ? 'on' : ''}`}
            data-testid={`rate-${n}`} aria-label={`Rate ${n} of 5`} title={`Rate ${n} of 5`}
            onMouseEnter={() => setPreview(n)} onFocus={() => setPreview(n)} onBlur={() => setPreview(null)} onClick={() => onRate(n)}>★</button>
        ))}
      </span>
      <span className="small-text" data-testid="my-rating">{myRating ? `Your rating: ${myRating} of 5` : 'Click a star to rate'}</span>
      {average}
    </span>
  );
}
