import {
  TimerNetworkError,
  TimerServerError,
  TimerUnauthorizedError,
  TimerValidationError,
} from 'ngx-cognito-gateway/timer';
import { describeError, NETWORK_MESSAGE } from './describe-error';
import { formatDays, parseTime } from './format';
import { safeReturnUrl } from '../auth/safe-return-url';

describe('describeError', () => {
  it('maps each failure to what a person can act on', () => {
    expect(describeError(new TimerUnauthorizedError('x', 401)).kind).toBe('unauthorized');
    expect(describeError(new TimerNetworkError('x', 0))).toEqual({
      kind: 'network',
      message: NETWORK_MESSAGE,
    });
    expect(NETWORK_MESSAGE).toContain('origin not allowed or API down');
    expect(describeError(new TimerValidationError([])).kind).toBe('validation');
    expect(describeError(new TimerServerError('x', 503)).message).toContain('HTTP 503');
    expect(describeError('weird').kind).toBe('unknown');
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

describe('safeReturnUrl', () => {
  it('keeps app paths and refuses anything that leaves the app', () => {
    expect(safeReturnUrl('/timers/1')).toBe('/timers/1');
    for (const bad of [null, '', 'https://evil.example', '//evil.example', '/\\evil.example']) {
      expect(safeReturnUrl(bad)).toBe('/timers');
    }
  });
});
