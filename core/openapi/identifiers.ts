/** Turns spec names (`pet-id`, `X-Api-Key`, `getPetById`) into template identifiers (`pet_id`, `x_api_key`, `get_pet_by_id`). */
export function toIdentifier(name: string, fallback: string): string {
  const snake = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase()
    .slice(0, 60);
  if (snake === '') return fallback;
  return /^[0-9]/.test(snake) ? `_${snake}` : snake;
}

/** A name not yet in `taken` (adds `_2`, `_3`, … when needed), recorded as taken. */
export function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n += 1) name = `${base}_${n}`;
  taken.add(name);
  return name;
}
