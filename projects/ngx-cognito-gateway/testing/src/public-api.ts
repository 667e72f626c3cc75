export { provideCognitoAuthTesting } from './provide-testing';
export { FakeCognitoTokenSource, fakeJwt } from './fake-token-source';
export type { CognitoAuthTestingOptions } from './fake-token-source';
