import {
  ChangeDetectionStrategy,
  Component,
  input,
  output,
  ViewEncapsulation,
} from '@angular/core';
import { IonBackButton } from '@ionic/angular/ion-back-button';
import { IonButton } from '@ionic/angular/ion-button';
import { IonButtons } from '@ionic/angular/ion-buttons';
import { IonContent } from '@ionic/angular/ion-content';
import { IonHeader } from '@ionic/angular/ion-header';
import { IonSpinner } from '@ionic/angular/ion-spinner';
import { IonTitle } from '@ionic/angular/ion-title';
import { IonToolbar } from '@ionic/angular/ion-toolbar';
import type { AuthForm } from './auth-form';
import type { CodeResend } from './code-resend';

let headings = 0;

/**
 * The page around one sign-in step's form: toolbar, heading, the form's failure and summary
 * (announced), the submit button with its spinner, "Send a new code" when the step has one, and the
 * links below. A page projects its text and fields, then its links (`a` elements).
 */
@Component({
  selector: 'app-auth-step',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [
    IonHeader,
    IonToolbar,
    IonButtons,
    IonBackButton,
    IonTitle,
    IonContent,
    IonButton,
    IonSpinner,
  ],
  template: `
    <ion-header>
      <ion-toolbar color="primary">
        @if (back()) {
          <ion-buttons slot="start"
            ><ion-back-button [defaultHref]="back()" aria-label="Back"
          /></ion-buttons>
        }
        <ion-title>{{ bar() }}</ion-title>
      </ion-toolbar>
    </ion-header>
    <ion-content class="ion-padding">
      <form class="page-width" (submit)="submit($event)" [attr.aria-labelledby]="id" novalidate>
        <h1 [id]="id">{{ heading() }}</h1>
        <ng-content />
        @if (ready()) {
          <div class="field-error" role="alert">{{ form().failure() ?? '' }}</div>
          <div class="field-error" role="status">{{ form().summary() }}</div>
          @if (resend(); as code) {
            <p role="status" data-testid="resend-status">{{ code.status() }}</p>
          }
          <ion-button type="submit" expand="block" [disabled]="form().busy() || !!resend()?.busy()">
            @if (form().busy()) {
              <ion-spinner name="crescent" aria-hidden="true" />
              {{ busyAction() }}
            } @else {
              {{ action() }}
            }
          </ion-button>
          @if (resend(); as code) {
            <ion-button
              fill="outline"
              expand="block"
              [disabled]="form().busy() || code.busy()"
              (click)="code.run()"
            >
              @if (code.busy()) {
                <ion-spinner name="crescent" aria-hidden="true" />
                Sending…
              } @else {
                Send a new code
              }
            </ion-button>
          }
        }
        <p class="links"><ng-content select="a" /></p>
      </form>
    </ion-content>
  `,
  styleUrl: './auth-step.component.scss',
})
export class AuthStepComponent {
  readonly form = input.required<AuthForm<string>>();
  /** The toolbar's title. */
  readonly bar = input.required<string>();
  readonly heading = input.required<string>();
  /** Where the back button goes when there is no history; no back button when empty. */
  readonly back = input('');
  /** The submit button's words, and what it says while the step runs. */
  readonly action = input.required<string>();
  readonly busyAction = input.required<string>();
  readonly resend = input<CodeResend | null>(null);
  /** False when the step cannot be taken on this page load: the page says why, with no button. */
  readonly ready = input(true);
  /** The form was submitted (its default prevented). */
  readonly send = output();
  /** Ionic keeps earlier pages in the DOM: each heading needs its own id. */
  readonly id = `auth-step-heading-${++headings}`;

  submit(event: Event): void {
    event.preventDefault();
    this.send.emit();
  }
}
