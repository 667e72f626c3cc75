import { urlMatchesAllowlist } from './url-allowlist';

describe('urlMatchesAllowlist', () => {
  it('matches a URL under an allowed origin', () => {
    expect(urlMatchesAllowlist('https://api.example.com/tasks', ['https://api.example.com'])).toBeTrue();
  });
  it('rejects look-alike host', () => {
    expect(urlMatchesAllowlist('https://api.example.com.evil.io/tasks', ['https://api.example.com'])).toBeFalse();
  });
});
