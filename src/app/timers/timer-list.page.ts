import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { IonItem } from '@ionic/angular/ion-item';
import { IonLabel } from '@ionic/angular/ion-label';
import { IonList } from '@ionic/angular/ion-list';
import { IonRefresher } from '@ionic/angular/ion-refresher';
import { IonRefresherContent } from '@ionic/angular/ion-refresher-content';
import { IonSkeletonText } from '@ionic/angular/ion-skeleton-text';
import { IonText } from '@ionic/angular/ion-text';
import type { RefresherCustomEvent } from '@ionic/angular';
import { TimerClient, type Task } from 'ngx-cognito-gateway/timer';
import { displayDateTime, displayTime, formatDays, hasEnded } from './format';
import { PageLoad } from './page-load';
import { PAGE_PARTS } from './page-parts';
import { SignedInBarComponent } from '../auth/signed-in-bar.component';

@Component({
  selector: 'app-timer-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ...PAGE_PARTS,
    RouterLink,
    IonRefresher,
    IonRefresherContent,
    IonList,
    IonItem,
    IonLabel,
    IonSkeletonText,
    IonText,
    SignedInBarComponent,
  ],
  template: `
    <ion-header>
      <ion-toolbar color="primary">
        <ion-title role="heading" aria-level="1">Timers</ion-title>
        <ion-buttons slot="end">
          <ion-button routerLink="/timers/new" data-testid="new-timer">New timer</ion-button>
        </ion-buttons>
      </ion-toolbar>
      <app-signed-in-bar />
    </ion-header>
    <ion-content>
      <ion-refresher slot="fixed" (ionRefresh)="refresh($event)">
        <ion-refresher-content />
      </ion-refresher>
      <div class="page-width">
        @if (data.error(); as err) {
          <app-error-banner [error]="err" [busy]="data.busy()" (retry)="data.load()" />
        }
        @if (data.value() === null && !data.error()) {
          <ion-list aria-busy="true" aria-label="Loading timers">
            @for (i of [1, 2, 3]; track i) {
              <ion-item>
                <ion-label>
                  <h2><ion-skeleton-text [animated]="true" style="width: 50%" /></h2>
                  <p><ion-skeleton-text [animated]="true" style="width: 30%" /></p>
                </ion-label>
              </ion-item>
            }
          </ion-list>
        } @else if (data.value(); as list) {
          @if (list.length === 0) {
            <div class="empty ion-padding" data-testid="empty-state">
              <ion-text><h2>No timers yet</h2></ion-text>
              <p>Create one to run a command on chosen days at a chosen time.</p>
              <ion-button routerLink="/timers/new">Create a timer</ion-button>
            </div>
          } @else {
            <ion-list aria-label="Timers" data-testid="timer-list">
              @for (task of list; track task.id) {
                <ion-item [routerLink]="['/timers', task.id]" [detail]="true" button>
                  <ion-label>
                    <h2>{{ task.name }}</h2>
                    @if (ended(task)) {
                      <p class="ended" data-testid="ended">Ended · {{ until(task) }}</p>
                    } @else {
                      <p>{{ time(task) }} · {{ days(task) }}</p>
                    }
                  </ion-label>
                </ion-item>
              }
            </ion-list>
          }
        }
      </div>
    </ion-content>
  `,
  styles: `
    .empty {
      text-align: center;
    }
    .ended {
      font-style: italic;
    }
  `,
})
export class TimerListPage {
  private readonly client = inject(TimerClient);
  readonly data = new PageLoad(() => this.client.list());

  ionViewWillEnter(): void {
    this.data.viewWillEnter();
  }

  async refresh(event: RefresherCustomEvent): Promise<void> {
    await this.data.load();
    await event.target.complete();
  }

  time(task: Task): string {
    return displayTime(task.hour, task.minute);
  }

  ended(task: Task): boolean {
    return hasEnded(task.executeUntil);
  }

  until(task: Task): string {
    return displayDateTime(task.executeUntil ?? '');
  }

  days(task: Task): string {
    return formatDays(task.daysOfWeek);
  }
}
