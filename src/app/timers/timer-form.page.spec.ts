import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, Router, convertToParamMap } from '@angular/router';
import { appTestingProviders, settle, TEST_CONFIG } from '../testing';
import { fromLocalInput, toLocalInput } from './format';
import { TimerFormPage } from './timer-form.page';

describe('TimerFormPage (new)', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: appTestingProviders() });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('shows the library validation messages next to the fields and sends nothing', async () => {
    const fixture = TestBed.createComponent(TimerFormPage);
    const page = fixture.componentInstance;
    page.selected.set([]);
    await page.save();
    await fixture.whenStable();
    expect(page.fieldError('name')).toBeTruthy();
    expect(page.fieldError('executionCommand')).toBeTruthy();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('ion-input[name=name]')?.classList).toContain('ion-invalid');
    expect(el.querySelector('[data-testid="days-error"]')).not.toBeNull();
  });

  it('creates the task in week order and opens it', async () => {
    const fixture = TestBed.createComponent(TimerFormPage);
    const page = fixture.componentInstance;
    const navigate = spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);
    page.name.set(' Backup ');
    page.command.set('/bin/backup');
    page.time.set('23:15');
    page.selected.set(['SUN', 'MON']);
    const saving = page.save();
    await settle();
    const req = http.expectOne(`${TEST_CONFIG.apiUrl}/tasks`);
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({
      name: 'Backup',
      hour: 23,
      minute: 15,
      daysOfWeek: ['MON', 'SUN'],
      executionCommand: '/bin/backup',
    });
    req.flush(
      { ...req.request.body, id: 'new1', createdAt: 'x', updatedAt: 'x' },
      { status: 201, statusText: 'Created' },
    );
    await saving;
    expect(navigate).toHaveBeenCalledWith(['/timers', 'new1'], { replaceUrl: true });
  });

  it('puts the server’s field errors next to the fields', async () => {
    const fixture = TestBed.createComponent(TimerFormPage);
    const page = fixture.componentInstance;
    page.name.set('Backup');
    page.command.set('/bin/backup');
    const saving = page.save();
    await settle();
    http.expectOne(`${TEST_CONFIG.apiUrl}/tasks`).flush(
      {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        errors: [{ field: 'executionCommand', message: 'not allowed here' }],
      },
      {
        status: 400,
        statusText: 'Bad Request',
        headers: { 'content-type': 'application/problem+json' },
      },
    );
    await saving;
    expect(page.fieldError('executionCommand')).toBe('not allowed here');
    expect(page.error()?.kind).toBe('validation');
  });
});

describe('TimerFormPage (edit)', () => {
  const STORED = {
    id: 't1',
    name: 'Backup',
    hour: 2,
    minute: 30,
    daysOfWeek: ['MON'],
    executionCommand: '/bin/backup',
    executeUntil: '2030-01-31T18:00:00.5+01:00',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  };
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        ...appTestingProviders(),
        {
          provide: ActivatedRoute,
          useValue: { snapshot: { paramMap: convertToParamMap({ id: 't1' }) } },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);
  });

  afterEach(() => http.verify());

  async function loaded(): Promise<TimerFormPage> {
    const page = TestBed.createComponent(TimerFormPage).componentInstance;
    await settle();
    http.expectOne(`${TEST_CONFIG.apiUrl}/tasks/t1`).flush(STORED);
    await settle();
    return page;
  }

  async function putBody(page: TimerFormPage): Promise<Record<string, unknown>> {
    const saving = page.save();
    await settle();
    const req = http.expectOne(`${TEST_CONFIG.apiUrl}/tasks/t1`);
    expect(req.request.method).toBe('PUT');
    req.flush({ ...STORED, ...req.request.body });
    await saving;
    return req.request.body as Record<string, unknown>;
  }

  it('keeps an end the user did not touch exactly as stored (PUT replaces the whole task)', async () => {
    const page = await loaded();
    expect(page.until()).toBe(toLocalInput(STORED.executeUntil));
    page.name.set('Backup, renamed');
    const body = await putBody(page);
    expect(body['name']).toBe('Backup, renamed');
    expect(body['executeUntil']).toBe(STORED.executeUntil);
  });

  it('sends a changed end as RFC 3339 with the device offset, and none once cleared', async () => {
    const page = await loaded();
    page.until.set('2031-05-01T07:30');
    const changed = (await putBody(page))['executeUntil'] as string;
    expect(changed).toMatch(/^2031-05-01T07:30:00[+-]\d{2}:\d{2}$/);
    expect(new Date(changed).getTime()).toBe(new Date(2031, 4, 1, 7, 30).getTime());

    page.until.set('');
    expect('executeUntil' in (await putBody(page))).toBeFalse();
  });
});

describe('local date-time inputs', () => {
  it('round-trip an instant to the minute in the device time zone', () => {
    const shown = toLocalInput('2030-01-31T18:00:00Z');
    expect(shown).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(new Date(fromLocalInput(shown)).getTime()).toBe(Date.parse('2030-01-31T18:00:00Z'));
  });

  it('leave what is not a date-time alone, so validation names the field', () => {
    expect(fromLocalInput('soon')).toBe('soon');
    expect(toLocalInput('soon')).toBe('');
  });
});
