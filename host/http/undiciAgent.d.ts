// undici's Agent, loaded from its own module (see createUndiciTransport.ts); typed as the package's.
declare module 'undici/lib/dispatcher/agent.js' {
  import { Agent } from 'undici';
  export default Agent;
}
