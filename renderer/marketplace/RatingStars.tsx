/** Five stars: shows the average, and when `onRate` is given, lets the user set (or change) their own rating. */
export function RatingStars({ rating, count, myRating, onRate }: { rating: number | null; count: number; myRating?: number | null; onRate?: (stars: number) => void }) {
  return (
    <span className="rating" data-testid="template-rating" data-rating={rating ?? ''} data-count={count}>
      {onRate ? (
        <span role="radiogroup" aria-label="Your rating">
          {[1, 2, 3, 4, 5].map((n) => (
            <button key={n} type="button" role="radio" aria-checked={myRating === n} className={`star ${myRating && n <= myRating ? 'on' : ''}`}
              data-testid={`rate-${n}`} aria-label={`${n} star${n === 1 ? '' : 's'}`} onClick={() => onRate(n)}>★</button>
          ))}
        </span>
      ) : (
        <span aria-hidden="true">{[1, 2, 3, 4, 5].map((n) => <span key={n} className={`star ${rating !== null && n <= Math.round(rating) ? 'on' : ''}`}>★</span>)}</span>
      )}
      <span className="muted small-text">{rating === null ? 'not rated yet' : `${rating.toFixed(1)} (${count} rating${count === 1 ? '' : 's'})`}</span>
    </span>
  );
}
