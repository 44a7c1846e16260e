import { createFetchTransport } from './createFetchTransport.js';
import { describeTransportContract } from '../test-helpers/transportContract.js';

describeTransportContract('fetch', () => createFetchTransport());
