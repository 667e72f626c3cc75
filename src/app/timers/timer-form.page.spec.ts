import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { appTestingProviders, settle, TEST_CONFIG } from '../testing';
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
