import { DECISION_MEMO_LIMIT, memoizeDecisions } from './url-decisions';

describe('memoizeDecisions', () => {
  const page = { base: 'https://app.example.com/' };

  it('asks the allowlist once per URL under one base, with the page read on every request', () => {
    const allowlisted = jasmine
      .createSpy('allowlisted')
      .and.callFake((url: string) => url === '/a');
    const readPage = jasmine.createSpy('page').and.returnValue(page);
    const decide = memoizeDecisions(allowlisted, readPage);
    expect(readPage).not.toHaveBeenCalled();
    expect([decide('/a'), decide('/b'), decide('/a'), decide('/b')]).toEqual([
      true,
      false,
      true,
      false,
    ]);
    expect(allowlisted.calls.allArgs()).toEqual([
      ['/a', page],
      ['/b', page],
    ]);
    expect(readPage).toHaveBeenCalledTimes(4);
  });

  it('decides a URL again under another base, and reuses each base’s decision', () => {
    let base = 'https://app.example.com/api/page';
    const allowlisted = jasmine
      .createSpy('allowlisted')
      .and.callFake((url: string, context: { base: string }) =>
        new URL(url, context.base).pathname.startsWith('/api/'),
      );
    const decide = memoizeDecisions(allowlisted, () => ({ base }));
    expect(decide('tasks')).toBeTrue();
    base = 'https://app.example.com/other/';
    expect(decide('tasks')).toBeFalse();
    base = 'https://app.example.com/api/page';
    expect(decide('tasks')).toBeTrue();
    expect(allowlisted).toHaveBeenCalledTimes(2);
  });

  it('treats a page reader that throws as no page', () => {
    const allowlisted = jasmine.createSpy('allowlisted').and.returnValue(false);
    const decide = memoizeDecisions(allowlisted, () => {
      throw new Error('NotYetImplemented');
    });
    expect(decide('/v1/tasks')).toBeFalse();
    expect(allowlisted).toHaveBeenCalledOnceWith('/v1/tasks', {});
  });

  it(`forgets everything when ${DECISION_MEMO_LIMIT} decisions are remembered, then starts over`, () => {
    const allowlisted = jasmine.createSpy('allowlisted').and.returnValue(true);
    let base = 'https://app.example.com/a/';
    const decide = memoizeDecisions(allowlisted, () => ({ base }));
    for (let i = 0; i < DECISION_MEMO_LIMIT / 2; i++) decide(`/u${i}`);
    base = 'https://app.example.com/b/';
    for (let i = 0; i < DECISION_MEMO_LIMIT / 2; i++) decide(`/u${i}`);
    decide('/u0');
    expect(allowlisted).toHaveBeenCalledTimes(DECISION_MEMO_LIMIT); // still remembered
    decide('/one-more'); // the memo is full: cleared, then this one remembered
    decide('/u0');
    expect(allowlisted).toHaveBeenCalledTimes(DECISION_MEMO_LIMIT + 2);
    decide('/one-more');
    expect(allowlisted).toHaveBeenCalledTimes(DECISION_MEMO_LIMIT + 2);
  });
});
