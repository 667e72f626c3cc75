import {
  ChangeDetectionStrategy,
  Component,
  inject,
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
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { StatusLines } from '../ui/form-status';
import { STEP_ENDED } from './auth-errors';
import type { CodeResend } from './code-resend';
import { keepReturnUrl } from './route-query';

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
  /** Links below the form to other steps; each carries the returnUrl along. */
  links?: readonly StepLink[];
}

/** A link to another step's page, e.g. "Back to sign in". */
export interface StepLink {
  label: string;
  to: string;
}

/** Out of a side path (sign-up, a forgotten password) to the sign-in page. */
export const BACK_TO_SIGN_IN: StepLink = { label: 'Back to sign in', to: '/sign-in' };

/** Out of a challenge of a sign-in in progress: it is abandoned, the next sign-in starts anew. */
export const START_AGAIN: StepLink = { label: 'Start again', to: '/sign-in' };

/**
 * The page around one sign-in step's form: toolbar, heading, the failure and summary of its
 * FormStatus (announced), the submit button with its spinner, "Send a new code" when the step has one, and the
 * links below (the texts' `links`, then any `a` element a page projects for a link of its own).
 *
 * @example
 * <app-auth-step [texts]="texts" [status]="status" [resend]="resend" (send)="submit()">
 *   <app-auth-field [field]="form.code" />
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
    RouterLink,
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
          <div class="field-error" role="alert">{{ status().failure() ?? '' }}</div>
          <div class="field-error" role="status">{{ status().summary() }}</div>
          @if (resend(); as code) {
            <p role="status" data-testid="resend-status">{{ code.status() }}</p>
          }
          @if (hasAction()) {
            <ion-button
              type="submit"
              expand="block"
              [disabled]="status().busy() || !!resend()?.busy()"
            >
              @if (status().busy() && !busyElsewhere()) {
                <ion-spinner name="crescent" aria-hidden="true" />
                {{ texts().busyAction }}
              } @else {
                {{ texts().action }}
              }
            </ion-button>
          }
          @if (resend(); as code) {
            <ion-button
              fill="outline"
              expand="block"
              [disabled]="status().busy() || code.busy()"
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
        } @else {
          <div class="field-error" role="alert" data-testid="step-ended">{{ ended }}</div>
        }
        <p class="links">
          @for (link of texts().links; track link.to) {
            <a [routerLink]="link.to" [queryParams]="returnUrlQuery()">{{ link.label }}</a>
          }
          <ng-content select="a" />
        </p>
      </form>
    </ion-content>
  `,
  styleUrl: './auth-step.component.scss',
})
export class AuthStepComponent {
  readonly status = input.required<StatusLines>();
  readonly texts = input.required<StepTexts>();
  readonly resend = input<CodeResend | null>(null);
  /**
   * False when the step cannot be taken on this page load (its sign-in is not in this tab, or its
   * 3 minutes are over): it says the sign-in has ended, with no button, and the page shows none of
   * its fields.
   */
  readonly ready = input(true);
  readonly ended = STEP_ENDED;
  /** False: no submit button (a page whose every way on is a button of its own). */
  readonly hasAction = input(true);
  /** True while the page is busy with a button of its own: the submit button shows no spinner. */
  readonly busyElsewhere = input(false);
  /** The form was submitted (its default prevented). */
  readonly send = output();
  /** Ionic keeps earlier pages in the DOM: each heading needs its own id. */
  readonly id = `auth-step-heading-${++headings}`;
  private readonly route = inject(ActivatedRoute);

  /** Read when rendered: Ionic updates the snapshot of a page it shows again. */
  returnUrlQuery(): Record<string, string> {
    return keepReturnUrl(this.route);
  }

  submit(event: Event): void {
    event.preventDefault();
    this.send.emit();
  }
}
