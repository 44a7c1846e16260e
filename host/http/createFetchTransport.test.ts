import { createFetchTransport } from './createFetchTransport.js';
import { describeTransportContract } from '#core/test-helpers/transportContract';

describeTransportContract('fetch', () => createFetchTransport());
