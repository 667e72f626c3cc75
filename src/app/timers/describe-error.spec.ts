import { NotSignedInError, TokenRefreshError } from 'ngx-cognito-gateway';
import * as timer from 'ngx-cognito-gateway/timer';
import {
  describeError,
  NETWORK_DETAIL,
  NETWORK_MESSAGE,
  reportError,
  type ErrorKind,
} from './describe-error';
import { formatDays, parseTime } from './format';

describe('describeError', () => {
  it('maps each failure the libraries type to what a person can act on, and no look-alike', () => {
    const cases: [unknown, ErrorKind][] = [
      [new timer.TimerUnauthorizedError('x', 401), 'unauthorized'],
      [new NotSignedInError('/tasks'), 'unauthorized'],
      [new TokenRefreshError('/tasks', { cause: new Error('offline') }), 'network'],
      // As TimerClient emits them: the auth library's error as the cause decides.
      [new timer.TimerUnauthorizedError('x', 0, new NotSignedInError('/tasks')), 'unauthorized'],
      [new timer.TimerNetworkError('x', 0), 'network'],
      [new timer.TimerValidationError([]), 'validation'],
      [new timer.TimerPreconditionFailedError('x', 412), 'changed'],
      [new timer.TimerConflictError('x', 409), 'limit'],
      [new timer.TimerNotFoundError('x', 404), 'not-found'],
      [new timer.TimerForbiddenError('x', 403), 'forbidden'],
      [new timer.TimerServerError('x', 503), 'server'],
      [new timer.TimerApiError('x', 418), 'unknown'],
      ['weird', 'unknown'],
      [{ name: 'TimerServerError' }, 'unknown'],
    ];
    for (const [failure, kind] of cases) {
      expect(describeError(failure).kind).withContext(String(failure)).toBe(kind);
    }
  });

  it('says each in plain words', () => {
    expect(describeError(new timer.TimerNetworkError('x', 0))).toEqual({
      kind: 'network',
      message: NETWORK_MESSAGE,
    });
    expect(NETWORK_MESSAGE).toBe("The Timer service can't be reached. Try again in a moment.");
    expect(describeError(new timer.TimerServerError('x', 503)).message).toBe(
      'The Timer service failed. Try again in a moment.',
    );
    expect(describeError(new timer.TimerPreconditionFailedError('x', 412)).message).toContain(
      'changed elsewhere',
    );
  });

  it('sends what only a developer can act on to the console, not to the page', () => {
    const log = spyOn(console, 'error');
    const error = new timer.TimerNetworkError('x', 0);
    expect(reportError(error).message).not.toContain('AllowedOrigins');
    expect(log).toHaveBeenCalledWith(NETWORK_DETAIL, error);
    expect(NETWORK_DETAIL).toContain('AllowedOrigins');
    log.calls.reset();
    // The sign-in service, not the Timer API: the AllowedOrigins hint would mislead.
    reportError(new TokenRefreshError('/tasks', { cause: new Error('offline') }));
    const refresh = new TokenRefreshError('/tasks', { cause: new Error('offline') });
    const wrapped = new timer.TimerNetworkError('x', 0, refresh);
    expect(reportError(wrapped).message).toContain('sign-in service');
    expect(log).not.toHaveBeenCalled();
  });
});

describe('format helpers', () => {
  it('orders days by the week and parses only valid times', () => {
    expect(formatDays(['SUN', 'MON'])).toBe('Mon, Sun');
    expect(parseTime('07:05')).toEqual({ hour: 7, minute: 5 });
    expect(parseTime('24:00')).toBeNull();
    expect(parseTime('7:5')).toBeNull();
  });
});
