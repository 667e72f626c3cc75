import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { apply, form } from '@angular/forms/signals';
import { FormStatus } from '../ui/form-status';
import { authTestingProviders, fakeAmplify, typeInto } from './auth-testing';
import { USERNAME } from './auth-fields';
import { AuthStepComponent, type StepTexts } from './auth-step.component';
import { AuthFieldComponent } from './auth-field.component';
import { CodeResend } from './code-resend';

/** A step page as the real ones are made: its text, one field, a link; the step held open. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AuthStepComponent, AuthFieldComponent],
  template: `
    <app-auth-step
      [texts]="texts()"
      [status]="status"
      [resend]="withResend() ? resend : null"
      (send)="submit()"
    >
      <p>Intro</p>
      <app-auth-field [field]="form.username" />
      <a href="/elsewhere">Elsewhere</a>
    </app-auth-step>
  `,
})
class StepHost {
  readonly texts = signal<StepTexts>({
    bar: 'Bar',
    heading: 'Heading',
    back: '/sign-in',
    action: 'Go',
    busyAction: 'Going…',
  });
  readonly withResend = signal(false);
  readonly form = form(signal({ username: '' }), (f) => apply(f.username, USERNAME));
  readonly status = new FormStatus(this.form);
  readonly resend = new CodeResend(this.form.username, this.status, {
    send: () => this.sending,
    sent: 'A new code was sent.',
    failed: 'resend-code',
  });
  sending = new Promise<void>(() => undefined);
  finish = () => undefined as void;
  submitted = 0;

  async submit(): Promise<void> {
    this.submitted++;
    await this.status.submit(() => new Promise<void>((done) => (this.finish = done)));
  }
}

describe('AuthStepComponent', () => {
  async function setup(query: Record<string, string> = {}) {
    TestBed.configureTestingModule({ providers: authTestingProviders(fakeAmplify(), query) });
    const fixture = TestBed.createComponent(StepHost);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const button = () => el.querySelector<HTMLElement & { disabled: boolean }>('ion-button')!;
    return { fixture, host: fixture.componentInstance, el, button };
  }

  it('labels the form by its own heading and puts the links below the button', async () => {
    const { el } = await setup();
    const form = el.querySelector('form')!;
    const heading = el.querySelector('h1')!;
    expect(heading.textContent).toBe('Heading');
    expect(form.getAttribute('aria-labelledby')).toBe(heading.id);
    expect(el.querySelector('ion-title')?.textContent).toBe('Bar');
    expect(el.querySelector('ion-back-button')).not.toBeNull();
    const links = el.querySelector('p.links')!;
    expect(links.querySelector('a')?.textContent).toBe('Elsewhere');
    expect(el.querySelector('ion-button')!.compareDocumentPosition(links)).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );

    const other = TestBed.createComponent(StepHost);
    await other.whenStable();
    expect((other.nativeElement as HTMLElement).querySelector('h1')!.id).not.toBe(heading.id);
  });

  it("links to the texts' steps first, each carrying the returnUrl, then the page's own", async () => {
    const { fixture, host, el } = await setup({ returnUrl: '/timers/42', username: 'ann' });
    host.texts.update((texts) => ({
      ...texts,
      links: [
        { label: 'Back to sign in', to: '/sign-in' },
        { label: 'I have a code', to: '/sign-up/confirm' },
      ],
    }));
    await fixture.whenStable();
    const links = [...el.querySelectorAll('p.links a')].map((a) => [
      a.textContent,
      a.getAttribute('href'),
    ]);
    expect(links).toEqual([
      ['Back to sign in', '/sign-in?returnUrl=%2Ftimers%2F42'],
      ['I have a code', '/sign-up/confirm?returnUrl=%2Ftimers%2F42'],
      ['Elsewhere', '/elsewhere'],
    ]);
  });

  it('has no back button on a first page', async () => {
    const { fixture, host, el } = await setup();
    host.texts.update(({ back: _, ...first }) => first);
    await fixture.whenStable();
    expect(el.querySelector('ion-back-button')).toBeNull();
  });

  it("heads the page with the bar's words when the step has no heading of its own", async () => {
    const { fixture, host, el } = await setup();
    host.texts.update(({ heading: _, ...texts }) => texts);
    await fixture.whenStable();
    expect(el.querySelector('h1')?.textContent).toBe('Bar');
    expect(el.querySelector('ion-title')?.textContent).toBe('Bar');
  });

  it('hands a submit to the page, without reloading, and spins while the step runs', async () => {
    const { fixture, host, el, button } = await setup();
    const event = new Event('submit', { cancelable: true });
    el.querySelector('form')!.dispatchEvent(event);
    expect(event.defaultPrevented).toBeTrue();
    expect(host.submitted).toBe(1);
    await fixture.whenStable();
    expect(el.querySelector('[role=status]')?.textContent).toBe('Check Username.');
    expect(el.querySelector('ion-spinner')).toBeNull();

    typeInto(el, 'username', 'ann');
    const running = host.submit();
    await fixture.whenStable();
    expect(button().disabled).toBeTrue();
    expect(button().querySelector('ion-spinner')).not.toBeNull();
    expect(button().textContent?.trim()).toBe('Going…');
    host.finish();
    await running;
    await fixture.whenStable();
    expect(button().disabled).toBeFalse();
    expect(button().textContent?.trim()).toBe('Go');
  });

  it('offers a new code when the step has one, and holds the submit while it is sent', async () => {
    const { fixture, host, el, button } = await setup();
    expect(el.querySelectorAll('ion-button').length).toBe(1);
    host.withResend.set(true);
    await fixture.whenStable();
    const resend = el.querySelectorAll<HTMLElement & { disabled: boolean }>('ion-button')[1]!;
    expect(resend.textContent?.trim()).toBe('Send a new code');
    typeInto(el, 'username', 'ann');
    let sent!: () => void;
    host.sending = new Promise((resolve) => (sent = resolve));
    resend.click();
    await fixture.whenStable();
    expect(button().disabled).toBeTrue();
    expect(resend.textContent?.trim()).toBe('Sending…');
    sent();
    await host.sending;
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=resend-status]')?.textContent).toBe(
      'A new code was sent.',
    );
    expect(button().disabled).toBeFalse();
  });
});
