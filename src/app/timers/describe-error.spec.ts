import {
  TimerConflictError,
  TimerNetworkError,
  TimerPreconditionFailedError,
  TimerServerError,
  TimerUnauthorizedError,
  TimerValidationError,
} from 'ngx-cognito-gateway/timer';
import { describeError, NETWORK_DETAIL, NETWORK_MESSAGE, reportError } from './describe-error';
import { formatDays, parseTime } from './format';

describe('describeError', () => {
  it('maps each failure to what a person can act on', () => {
    expect(describeError(new TimerUnauthorizedError('x', 401)).kind).toBe('unauthorized');
    expect(describeError(new TimerNetworkError('x', 0))).toEqual({
      kind: 'network',
      message: NETWORK_MESSAGE,
    });
    expect(NETWORK_MESSAGE).toBe("The Timer service can't be reached. Try again in a moment.");
    expect(describeError(new TimerValidationError([])).kind).toBe('validation');
    expect(describeError(new TimerServerError('x', 503)).message).toBe(
      'The Timer service failed. Try again in a moment.',
    );
    expect(describeError('weird').kind).toBe('unknown');
    expect(describeError(new TimerPreconditionFailedError('x', 412)).message).toContain(
      'changed elsewhere',
    );
    expect(describeError(new TimerConflictError('x', 409)).kind).toBe('limit');
  });

  it('sends what only a developer can act on to the console, not to the page', () => {
    const log = spyOn(console, 'error');
    const error = new TimerNetworkError('x', 0);
    expect(reportError(error).message).not.toContain('AllowedOrigins');
    expect(log).toHaveBeenCalledWith(NETWORK_DETAIL, error);
    expect(NETWORK_DETAIL).toContain('AllowedOrigins');
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
