import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { appTestingProviders, settle, TEST_CONFIG } from '../testing';
import { displayTime } from './format';
import { TimerListPage } from './timer-list.page';

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
    const req = http.expectOne(`${TEST_CONFIG.apiUrl}/tasks`);
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
