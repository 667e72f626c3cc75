import { nextCursor } from './next-cursor';

describe('nextCursor', () => {
  const at = 'https://api.example.com/prod/tasks?limit=2';

  it("reads the next link's cursor, resolved against the request's URL", () => {
    expect(nextCursor('</tasks?limit=2&cursor=abc_-1>; rel="next"', at)).toBe('abc_-1');
    expect(nextCursor('<tasks?cursor=x>;rel=next', at)).toBe('x');
    expect(
      nextCursor('<https://other.example/t?cursor=y>; rel="prev", </t?cursor=z>; rel="next"', at),
    ).toBe('z');
    expect(nextCursor('</t?cursor=w>; title="a, b"; rel="last next"', at)).toBe('w');
    expect(nextCursor('</t?cursor=v>; REL="Next"', '/api/tasks')).toBe('v');
  });

  it('finds none on the last page, without a next link, or without a cursor', () => {
    for (const link of [
      null,
      '',
      '</t?cursor=a>; rel="prev"',
      '</t?cursor=a>',
      '</t>; rel="next"',
      'garbage',
    ]) {
      expect(nextCursor(link, at)).withContext(String(link)).toBeUndefined();
    }
  });
});
