import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { appTestingProviders, settle, TEST_CONFIG } from '../testing';
import { displayTime } from './format';
import { PAGE_SIZE, TimerListPage } from './timer-list.page';

const task = (i: number) => ({
  id: `t${i}`,
  name: `Timer ${i}`,
  hour: 7,
  minute: 5,
  daysOfWeek: ['MON'],
  executionCommand: 'x',
  createdAt: '2030-01-01T00:00:00Z',
  updatedAt: '2030-01-01T00:00:00Z',
  version: 1,
});
const FIRST = `${TEST_CONFIG.apiUrl}/tasks?limit=${PAGE_SIZE}`;
const link = (cursor: string) => ({
  link: `</tasks?limit=${PAGE_SIZE}&cursor=${cursor}>; rel="next"`,
});

describe('TimerListPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: appTestingProviders() });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render() {
    const fixture = TestBed.createComponent(TimerListPage);
    await settle();
    const req = http.expectOne(FIRST);
    return { fixture, req, el: fixture.nativeElement as HTMLElement };
  }

  it('shows a skeleton, then the empty state; the request carries the bearer token', async () => {
    const { fixture, req, el } = await render();
    await fixture.whenStable();
    expect(el.querySelector('[aria-label="Loading timers"]')).not.toBeNull();
    expect(req.request.headers.get('Authorization')).toMatch(/^Bearer [\w-]+\.[\w-]+\./);
    req.flush([]);
    await settle();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="empty-state"]')?.textContent).toContain('No timers yet');
  });

  it('lists timers with their time and days', async () => {
    const { fixture, req, el } = await render();
    req.flush([
      {
        id: 't1',
        name: 'Backup',
        hour: 7,
        minute: 5,
        daysOfWeek: ['SUN', 'MON'],
        executionCommand: 'x',
        createdAt: '2030-01-01T00:00:00Z',
        updatedAt: '2030-01-01T00:00:00Z',
      },
    ]);
    await settle();
    await fixture.whenStable();
    const list = el.querySelector('[data-testid="timer-list"]');
    expect(list?.textContent).toContain('Backup');
    expect(list?.textContent).toContain(`${displayTime(7, 5)} · Mon, Sun`);
  });

  it('shows a timer whose Run-until has passed as ended', async () => {
    const { fixture, req, el } = await render();
    req.flush([
      {
        id: 't1',
        name: 'Old',
        hour: 7,
        minute: 5,
        daysOfWeek: ['MON'],
        executionCommand: 'x',
        executeUntil: '2020-01-01T00:00:00Z',
        createdAt: '2019-01-01T00:00:00Z',
        updatedAt: '2019-01-01T00:00:00Z',
      },
    ]);
    await settle();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="ended"]')?.textContent).toContain('Ended');
  });

  it('loads more timers with the button until none remain, focusing the first new one', async () => {
    const { fixture, req, el } = await render();
    req.flush([task(1), task(2)], { headers: link('c1') });
    await settle();
    await fixture.whenStable();
    const button = () => el.querySelector<HTMLElement>('[data-testid="load-more"]');
    expect(button()?.textContent).toContain('Load more timers');
    expect(el.querySelector('[data-testid="list-status"]')?.textContent).toContain(
      '2 timers shown, more to load',
    );
    button()!.click();
    await settle();
    http.expectOne(`${FIRST}&cursor=c1`).flush([task(3)]);
    await settle();
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    const items = [...el.querySelectorAll('[data-testid="timer-list"] ion-item')];
    expect(items.map((item) => item.textContent)).toEqual([
      jasmine.stringContaining('Timer 1'),
      jasmine.stringContaining('Timer 2'),
      jasmine.stringContaining('Timer 3'),
    ]);
    expect(button()).toBeNull();
    expect(el.querySelector('[data-testid="list-status"]')?.textContent?.trim()).toBe(
      '3 timers shown',
    );
    const focused = document.activeElement;
    expect(focused === items[2] || items[2]!.shadowRoot?.contains(focused as Node) === true)
      .withContext('focus on the first timer loaded')
      .toBeTrue();
  });

  it('keeps the timers shown when loading more fails, and tries again from the banner', async () => {
    spyOn(console, 'error');
    const { fixture, req, el } = await render();
    req.flush([task(1)], { headers: link('c1') });
    await settle();
    await fixture.whenStable();
    el.querySelector<HTMLElement>('[data-testid="load-more"]')!.click();
    await settle();
    http.expectOne(`${FIRST}&cursor=c1`).error(new ProgressEvent('error'), { status: 0 });
    await settle();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="error-banner"]')?.getAttribute('data-kind')).toBe(
      'network',
    );
    expect(el.querySelector('[data-testid="timer-list"]')?.textContent).toContain('Timer 1');
    el.querySelector<HTMLElement>('[data-testid="error-banner"] ion-button')!.click();
    await settle();
    http.expectOne(`${FIRST}&cursor=c1`).flush([task(2)]);
    await settle();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="error-banner"]')).toBeNull();
    expect(el.querySelector('[data-testid="timer-list"]')?.textContent).toContain('Timer 2');
  });

  it('starts over from the first page when the API no longer takes the cursor (400)', async () => {
    const { fixture, req, el } = await render();
    req.flush([task(1)], { headers: link('old') });
    await settle();
    await fixture.whenStable();
    el.querySelector<HTMLElement>('[data-testid="load-more"]')!.click();
    await settle();
    http
      .expectOne(`${FIRST}&cursor=old`)
      .flush(
        { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'cursor' },
        { status: 400, statusText: 'Bad Request' },
      );
    await settle();
    http.expectOne(FIRST).flush([task(1), task(2)]);
    await settle();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="error-banner"]')).toBeNull();
    expect(el.querySelector('[data-testid="timer-list"]')?.textContent).toContain('Timer 2');
    expect(el.querySelector('[data-testid="load-more"]')).toBeNull();
  });

  it('says the API could not be reached when the request never got a response', async () => {
    spyOn(console, 'error');
    const { fixture, req, el } = await render();
    req.error(new ProgressEvent('error'), { status: 0 });
    await settle();
    await fixture.whenStable();
    const banner = el.querySelector('[data-testid="error-banner"]');
    expect(banner?.getAttribute('data-kind')).toBe('network');
    expect(banner?.textContent).toContain("The Timer service can't be reached.");
    expect(banner?.textContent).not.toContain('AllowedOrigins');
  });
});
