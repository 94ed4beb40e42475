/**
 * Only a forwarding address: e2e/lib/sandbox-credentials.ts still imports these three names from
 * here. The demo world lives in demo/world.ts (exported from sandbox/src); delete this file once
 * e2e/lib imports from there.
 */
export { DEMO_USERNAME, FIBNORR_PASSWORD, SNDEMO_PASSWORD } from '../demo/world';
