import { describe, expect, it } from 'vitest';
import { pollerLayout } from './startWorker.js';

describe('pollerLayout', () => {
  it('splits a worker\'s concurrency into pollers × batch, batches as even as possible and never above the batch size', () => {
    expect(pollerLayout(8, 4)).toEqual({ pollers: 2, batchSize: 4, concurrency: 8 });
    expect(pollerLayout(6, 4)).toEqual({ pollers: 2, batchSize: 3, concurrency: 6 });
    expect(pollerLayout(8, 1)).toEqual({ pollers: 8, batchSize: 1, concurrency: 8 });
    expect(pollerLayout(2, 4)).toEqual({ pollers: 1, batchSize: 2, concurrency: 2 });
    expect(pollerLayout(5, 4)).toEqual({ pollers: 2, batchSize: 3, concurrency: 6 });
  });
});
