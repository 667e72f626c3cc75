import { TestBed } from '@angular/core/testing';
import {
  CognitoAuthFailure,
  CognitoAuthFailureEvents,
  CognitoAuthFailures,
} from 'ngx-cognito-gateway';

describe('CognitoAuthFailureEvents', () => {
  it('emits what the interceptor reports to every subscriber', () => {
    const events = TestBed.inject(CognitoAuthFailureEvents);
    const seen: CognitoAuthFailure[] = [];
    events.events.subscribe((failure) => seen.push(failure));
    const failure: CognitoAuthFailure = { reason: 'signed-out', url: '/x', status: 401 };
    events.report(failure);
    expect(seen).toEqual([failure]);
  });

  it('is the same service under its deprecated name CognitoAuthFailures', () => {
    expect(TestBed.inject(CognitoAuthFailures)).toBe(TestBed.inject(CognitoAuthFailureEvents));
  });
});
