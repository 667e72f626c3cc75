import { DECISION_MEMO_LIMIT, memoizeDecisions } from './url-decisions';

describe('memoizeDecisions', () => {
  it('asks the allowlist once per URL, with the base URL read then', () => {
    const allowlisted = jasmine
      .createSpy('allowlisted')
      .and.callFake((url: string) => url === '/a');
    const baseUrl = jasmine.createSpy('baseUrl').and.returnValue('https://app.example.com/');
    const decide = memoizeDecisions(allowlisted, baseUrl);
    expect(baseUrl).not.toHaveBeenCalled();
    expect([decide('/a'), decide('/b'), decide('/a'), decide('/b')]).toEqual([
      true,
      false,
      true,
      false,
    ]);
    expect(allowlisted.calls.allArgs()).toEqual([
      ['/a', 'https://app.example.com/'],
      ['/b', 'https://app.example.com/'],
    ]);
    expect(baseUrl).toHaveBeenCalledTimes(2);
  });

  it('treats a base URL getter that throws as no base URL', () => {
    const allowlisted = jasmine.createSpy('allowlisted').and.returnValue(false);
    const decide = memoizeDecisions(allowlisted, () => {
      throw new Error('NotYetImplemented');
    });
    expect(decide('/v1/tasks')).toBeFalse();
    expect(allowlisted).toHaveBeenCalledOnceWith('/v1/tasks', undefined);
  });

  it(`forgets everything when ${DECISION_MEMO_LIMIT} URLs are remembered, then starts over`, () => {
    const allowlisted = jasmine.createSpy('allowlisted').and.returnValue(true);
    const decide = memoizeDecisions(allowlisted, () => undefined);
    for (let i = 0; i < DECISION_MEMO_LIMIT; i++) decide(`/u${i}`);
    decide('/u0');
    expect(allowlisted).toHaveBeenCalledTimes(DECISION_MEMO_LIMIT); // still remembered
    decide('/one-more'); // the memo is full: cleared, then this one remembered
    decide('/u0');
    expect(allowlisted).toHaveBeenCalledTimes(DECISION_MEMO_LIMIT + 2);
    decide('/one-more');
    expect(allowlisted).toHaveBeenCalledTimes(DECISION_MEMO_LIMIT + 2);
  });
});
