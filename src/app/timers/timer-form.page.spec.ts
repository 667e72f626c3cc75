import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { ActivatedRoute, Router, convertToParamMap } from '@angular/router';
import type { DayOfWeek } from 'ngx-cognito-gateway/timer';
import { shownError, typeInto } from '../auth/auth-testing';
import { appTestingProviders, settle, TEST_CONFIG } from '../testing';
import { DAYS, fromLocalInput, toLocalInput } from './format';
import { SavedTask } from './saved-task';
import { TimerFormPage } from './timer-form.page';

/** Two frames: long enough for anything Ionic's wrappers would do to the classes in a frame. */
const frames = () =>
  new Promise<void>((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
  );

/** The form as a person sees and fills it. */
function onForm(fixture: ComponentFixture<TimerFormPage>) {
  const el = fixture.nativeElement as HTMLElement;
  return {
    el,
    /** Types into the inputs named (the contract's field names). */
    async fill(values: Record<string, string>) {
      await fixture.whenStable();
      for (const [name, value] of Object.entries(values)) typeInto(el, name, value);
      await fixture.whenStable();
    },
    /** Clicks the day chips until exactly these days are selected. */
    async pickDays(days: readonly DayOfWeek[]) {
      await fixture.whenStable();
      const chips = el.querySelectorAll<HTMLElement>('app-day-chips ion-chip');
      DAYS.forEach(({ value }, i) => {
        const chip = chips[i]!;
        if ((chip.getAttribute('aria-checked') === 'true') !== days.includes(value)) chip.click();
      });
      await fixture.whenStable();
    },
    async errorOf(name: string) {
      await fixture.whenStable();
      return name === 'days'
        ? el.querySelector('[data-testid=days-error]')!.textContent!.trim() || null
        : shownError(el, name);
    },
    summary: () => el.querySelector('[data-testid=form-summary]')?.textContent?.trim(),
    /** What the input shows once the page is stable. */
    async value(name: string) {
      await fixture.whenStable();
      return el.querySelector<HTMLIonInputElement>(`ion-input[name=${name}]`)!.value;
    },
  };
}

describe('TimerFormPage (new)', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: appTestingProviders() });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('marks every failing field in plain words, focuses the first and sends nothing', async () => {
    const fixture = TestBed.createComponent(TimerFormPage);
    const page = fixture.componentInstance;
    const form = onForm(fixture);
    await form.pickDays([]);
    const name = form.el.querySelector<HTMLIonInputElement>('ion-input[name=name]')!;
    const focus = spyOn(name, 'setFocus').and.resolveTo();
    await page.save();
    await fixture.whenStable();
    await frames();
    expect(await form.errorOf('name')).toBe('Name is required.');
    expect(await form.errorOf('executionCommand')).toBe('Command is required.');
    expect(name.classList).toContain('ion-invalid');
    expect(name.classList).toContain('ion-touched');
    expect(await form.errorOf('days')).toBe('Pick at least one day.');
    expect(form.summary()).toBe('Not saved. Check Name, Days, Command.');
    expect(focus).toHaveBeenCalled();
  });

  it('keeps a field marked while it stays invalid after the user types in it', async () => {
    const fixture = TestBed.createComponent(TimerFormPage);
    await fixture.whenStable();
    await fixture.componentInstance.save();
    await fixture.whenStable();
    const host = (fixture.nativeElement as HTMLElement).querySelector('ion-input[name=name]')!;
    const input = host.querySelector('input')!;
    input.value = '   ';
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await fixture.whenStable();
    await frames();
    expect(shownError(fixture.nativeElement as HTMLElement, 'name')).toBe('Name is required.');
    expect(host.classList).toContain('ion-invalid');
  });

  it('refuses a Run-until in the past', async () => {
    const fixture = TestBed.createComponent(TimerFormPage);
    const form = onForm(fixture);
    await form.fill({
      name: 'Backup',
      executionCommand: '/bin/backup',
      executeUntil: '2001-01-01T10:00',
    });
    await fixture.componentInstance.save();
    expect(await form.errorOf('executeUntil')).toBe(
      'Pick a date and time in the future, or clear the field.',
    );
  });

  it('creates the task in week order, shows progress, and opens it', async () => {
    const fixture = TestBed.createComponent(TimerFormPage);
    const page = fixture.componentInstance;
    const navigate = spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);
    const form = onForm(fixture);
    await form.fill({ name: ' Backup ', executionCommand: '/bin/backup', time: '23:15' });
    await form.pickDays(['SUN', 'MON']);
    const saving = page.save();
    expect(page.busy()).toBeTrue();
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
    expect(page.busy()).toBeFalse();
    expect(navigate).toHaveBeenCalledWith(['/timers', 'new1'], { replaceUrl: true });
  });

  it('puts the server’s field errors next to the fields, in plain words', async () => {
    const fixture = TestBed.createComponent(TimerFormPage);
    const page = fixture.componentInstance;
    const form = onForm(fixture);
    await form.fill({ name: 'Backup', executionCommand: '/bin/backup' });
    const saving = page.save();
    await settle();
    http.expectOne(`${TEST_CONFIG.apiUrl}/tasks`).flush(
      {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        errors: [{ field: 'executionCommand', message: 'length must be ≤ 1000' }],
      },
      {
        status: 400,
        statusText: 'Bad Request',
        headers: { 'content-type': 'application/problem+json' },
      },
    );
    await saving;
    expect(await form.errorOf('executionCommand')).toBe('Command can be at most 1000 characters.');
    expect(form.summary()).toBe('Not saved. Check Command.');
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
    version: 3,
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
    spyOn(TestBed.inject(Router), 'navigateByUrl').and.resolveTo(true);
  });

  afterEach(() => http.verify());

  async function loaded(stored: object = STORED) {
    const fixture = TestBed.createComponent(TimerFormPage);
    await settle();
    http.expectOne(`${TEST_CONFIG.apiUrl}/tasks/t1`).flush(stored);
    await settle();
    await fixture.whenStable();
    return { page: fixture.componentInstance, form: onForm(fixture) };
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

  it('shows no form and saves nothing until the task is loaded; a failed load offers Try again', async () => {
    const log = spyOn(console, 'error');
    const fixture = TestBed.createComponent(TimerFormPage);
    const page = fixture.componentInstance;
    const el = fixture.nativeElement as HTMLElement;
    await settle();
    await fixture.whenStable();
    expect(el.querySelector('form')).toBeNull();
    expect(el.querySelector('[data-testid="form-loading"]')?.textContent).toContain('Loading');
    http
      .expectOne(`${TEST_CONFIG.apiUrl}/tasks/t1`)
      .error(new ProgressEvent('error'), { status: 0, statusText: '' });
    await settle();
    await fixture.whenStable();
    expect(page.error()?.kind).toBe('network');
    expect(log).toHaveBeenCalled();
    expect(el.querySelector('form')).toBeNull();
    expect(el.querySelector('[data-testid="error-banner"]')?.textContent).toContain('Try again');

    // Save cannot run without the task: no PUT (http.verify() in afterEach), nothing changes.
    page
      .form()
      .value.update((f) => ({ ...f, name: 'Typed anyway', executionCommand: '/bin/true' }));
    await page.save();
    await settle();

    page.retry();
    await settle();
    http.expectOne(`${TEST_CONFIG.apiUrl}/tasks/t1`).flush(STORED);
    await settle();
    await fixture.whenStable();
    expect(page.error()).toBeNull();
    expect(el.querySelector('form')).not.toBeNull();
    expect(await onForm(fixture).value('name')).toBe('Backup');
  });

  it('says a timer that no longer exists is gone and offers Back to list, with no form', async () => {
    const fixture = TestBed.createComponent(TimerFormPage);
    const el = fixture.nativeElement as HTMLElement;
    await settle();
    http
      .expectOne(`${TEST_CONFIG.apiUrl}/tasks/t1`)
      .flush(
        { type: 'about:blank', title: 'Not Found', status: 404 },
        { status: 404, statusText: 'Not Found' },
      );
    await settle();
    await fixture.whenStable();
    const banner = el.querySelector('[data-testid="error-banner"]')!;
    expect(banner.textContent).toContain('This timer no longer exists.');
    expect(banner.textContent).toContain('Back to list');
    expect(banner.textContent).not.toContain('Try again');
    expect(el.querySelector('form')).toBeNull();
    banner.querySelector('ion-button')!.dispatchEvent(new MouseEvent('click'));
    expect(TestBed.inject(Router).navigateByUrl).toHaveBeenCalledWith('/timers', {
      replaceUrl: true,
    });
  });

  it('never saves a loaded task without a version: the PUT would overwrite unconditionally', async () => {
    const unversioned: Partial<typeof STORED> = { ...STORED };
    delete unversioned.version;
    const { page, form } = await loaded(unversioned);
    await form.fill({ name: 'Renamed' });
    await page.save();
    await settle();
    expect(page.error()?.kind).toBe('changed');
    expect(page.error()?.message).toContain("can't be saved safely");
  });

  it('keeps an end the user did not touch exactly as stored (PUT replaces the whole task)', async () => {
    const { page, form } = await loaded();
    expect(await form.value('executeUntil')).toBe(toLocalInput(STORED.executeUntil));
    await form.fill({ name: 'Backup, renamed' });
    const body = await putBody(page);
    expect(body['name']).toBe('Backup, renamed');
    expect(body['executeUntil']).toBe(STORED.executeUntil);
  });

  it('saves only over the version it loaded, and hands the PUT’s answer to the details page', async () => {
    const { page, form } = await loaded();
    await form.fill({ name: 'Renamed' });
    const saving = page.save();
    await settle();
    const req = http.expectOne(`${TEST_CONFIG.apiUrl}/tasks/t1`);
    expect(req.request.headers.get('If-Match')).toBe('"3"');
    expect('version' in req.request.body).toBeFalse();
    req.flush({ ...STORED, name: 'Renamed', version: 4 });
    await saving;
    expect(TestBed.inject(SavedTask).recall('t1')?.version).toBe(4);
  });

  it('says a change made elsewhere stopped the save, and Reload loads the latest', async () => {
    const { page, form } = await loaded();
    await form.fill({ name: 'Mine' });
    const saving = page.save();
    await settle();
    http
      .expectOne(`${TEST_CONFIG.apiUrl}/tasks/t1`)
      .flush(
        { type: 'about:blank', title: 'Precondition Failed', status: 412 },
        { status: 412, statusText: 'Precondition Failed' },
      );
    await saving;
    expect(page.error()?.kind).toBe('changed');
    expect(page.error()?.message).toContain('changed elsewhere');
    expect(await form.value('name')).toBe('Mine');
    page.retry();
    await settle();
    http
      .expectOne(`${TEST_CONFIG.apiUrl}/tasks/t1`)
      .flush({ ...STORED, name: 'Theirs', version: 5 });
    await settle();
    expect(await form.value('name')).toBe('Theirs');
    expect(page.error()).toBeNull();
  });

  it('lets an ended timer be edited without moving its past end', async () => {
    const { page, form } = await loaded({ ...STORED, executeUntil: '2020-01-01T00:00:00Z' });
    await form.fill({ name: 'Old backup' });
    expect((await putBody(page))['executeUntil']).toBe('2020-01-01T00:00:00Z');
  });

  it('sends a changed end as RFC 3339 with the device offset, and none once cleared', async () => {
    const { page, form } = await loaded();
    await form.fill({ executeUntil: '2031-05-01T07:30' });
    const changed = (await putBody(page))['executeUntil'] as string;
    expect(changed).toMatch(/^2031-05-01T07:30:00[+-]\d{2}:\d{2}$/);
    expect(new Date(changed).getTime()).toBe(new Date(2031, 4, 1, 7, 30).getTime());

    await form.fill({ executeUntil: '' });
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
