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

/** What a step's page says around its form, and where its back button goes. */
export interface StepTexts {
  /** The toolbar's title. */
  bar: string;
  /** The page's heading; the bar's words when it has none of its own. */
  heading?: string;
  /** Where the back button goes when there is no history; no back button without it. */
  back?: string;
  /** The submit button's words, and what it says while the step runs. */
  action: string;
  busyAction: string;
}

/**
 * The page around one sign-in step's form: toolbar, heading, the form's failure and summary
 * (announced), the submit button with its spinner, "Send a new code" when the step has one, and the
 * links below. A page projects its text and fields, then its links (`a` elements).
 *
 * @example
 * <app-auth-step [texts]="texts" [form]="form" [resend]="resend" (send)="submit()">
 *   <app-auth-field [form]="form" name="code" />
 *   <a routerLink="/sign-in">Start again</a>
 * </app-auth-step>
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
        @if (texts().back; as back) {
          <ion-buttons slot="start"
            ><ion-back-button [defaultHref]="back" aria-label="Back"
          /></ion-buttons>
        }
        <ion-title>{{ texts().bar }}</ion-title>
      </ion-toolbar>
    </ion-header>
    <ion-content class="ion-padding">
      <form class="page-width" (submit)="submit($event)" [attr.aria-labelledby]="id" novalidate>
        <h1 [id]="id">{{ texts().heading ?? texts().bar }}</h1>
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
              {{ texts().busyAction }}
            } @else {
              {{ texts().action }}
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
  readonly texts = input.required<StepTexts>();
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
