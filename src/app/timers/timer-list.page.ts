import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  signal,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { IonItem } from '@ionic/angular/ion-item';
import { IonLabel } from '@ionic/angular/ion-label';
import { IonList } from '@ionic/angular/ion-list';
import { IonRefresher } from '@ionic/angular/ion-refresher';
import { IonRefresherContent } from '@ionic/angular/ion-refresher-content';
import { IonSkeletonText } from '@ionic/angular/ion-skeleton-text';
import { IonText } from '@ionic/angular/ion-text';
import type { RefresherCustomEvent } from '@ionic/angular';
import { firstValueFrom, tap } from 'rxjs';
import { TimerClient, TimerValidationError, type Task } from 'ngx-cognito-gateway/timer';
import { displayDateTime, displayTime, formatDays, hasEnded } from './format';
import { PageLoad } from './page-load';
import { PAGE_PARTS } from './page-parts';
import { SignedInBarComponent } from '../auth/signed-in-bar.component';

/** Timers per page: a screenful or two, then "Load more". */
export const PAGE_SIZE = 20;

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
          <app-error-banner [error]="err" [busy]="data.busy()" (retry)="retry()" />
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
        } @else if (data.value()) {
          @let list = tasks();
          @if (list.length === 0) {
            <div class="empty ion-padding" data-testid="empty-state">
              <ion-text><h2>No timers yet</h2></ion-text>
              <p>Create one to run a command on chosen days at a chosen time.</p>
              <ion-button routerLink="/timers/new">Create a timer</ion-button>
            </div>
          } @else {
            <ion-list aria-label="Timers" data-testid="timer-list">
              @for (task of list; track task.id; let i = $index) {
                <ion-item
                  [routerLink]="['/timers', task.id]"
                  [detail]="true"
                  button
                  [attr.data-index]="i"
                >
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
            @if (next()) {
              <div class="more">
                <ion-button
                  fill="outline"
                  [disabled]="data.busy()"
                  [attr.aria-busy]="data.busy()"
                  (click)="loadMore()"
                  data-testid="load-more"
                >
                  {{ loadingMore() ? 'Loading more timers…' : 'Load more timers' }}
                </ion-button>
              </div>
            }
          }
          <p class="visually-hidden" role="status" data-testid="list-status">{{ status() }}</p>
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
    .more {
      display: flex;
      justify-content: center;
      padding: 1rem;
    }
  `,
})
export class TimerListPage {
  private readonly client = inject(TimerClient);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  /** The first page; reloading it (coming back, pulling to refresh) starts the list over. */
  readonly data = new PageLoad(() =>
    this.client.listPage({ limit: PAGE_SIZE }).pipe(
      tap((page) => {
        this.later.set([]);
        this.next.set(page.next);
      }),
    ),
  );
  /** The pages loaded after the first, in order. */
  private readonly later = signal<Task[]>([]);
  /** The cursor of the page after the last one shown; undefined once every timer is shown. */
  readonly next = signal<string | undefined>(undefined);
  readonly loadingMore = signal(false);
  private moreFailed = false;
  readonly tasks = computed(() => [...(this.data.value()?.tasks ?? []), ...this.later()]);
  /** Read out by screen readers when it changes: how many timers are shown, and if more remain. */
  readonly status = computed(() => {
    const count = this.tasks().length;
    const shown = `${count} ${count === 1 ? 'timer' : 'timers'} shown`;
    return this.next() ? `${shown}, more to load` : shown;
  });

  ionViewWillEnter(): void {
    this.data.viewWillEnter();
  }

  /**
   * The next page, added below the others. Keyboard and screen reader users land on the first
   * timer it added, where they left off, since the button may go away with the last page.
   */
  async loadMore(): Promise<void> {
    const cursor = this.next();
    if (!cursor || this.data.busy()) return;
    const first = this.tasks().length;
    this.loadingMore.set(true);
    this.moreFailed = true;
    await this.data.run(async () => {
      try {
        const page = await firstValueFrom(this.client.listPage({ limit: PAGE_SIZE, cursor }));
        this.later.update((tasks) => [...tasks, ...page.tasks]);
        this.next.set(page.next);
        this.data.error.set(null);
        this.moreFailed = false;
      } catch (error) {
        // The API no longer takes this cursor (it restarted, or its keys changed): start over.
        if (error instanceof TimerValidationError) {
          this.moreFailed = false;
          return void (await this.data.load());
        }
        throw error;
      }
    });
    this.loadingMore.set(false);
    if (!this.moreFailed) setTimeout(() => this.focusItem(first));
  }

  /** The banner's "Try again": whatever failed, the first page or the next one. */
  retry(): void {
    void (this.moreFailed && this.next() ? this.loadMore() : this.data.load());
  }

  private focusItem(index: number): void {
    const item = this.host.nativeElement.querySelector<HTMLElement>(`[data-index="${index}"]`);
    // ion-item's link or button is inside its shadow root: focus that, where Tab would land.
    (item?.shadowRoot?.querySelector<HTMLElement>('a, button') ?? item)?.focus();
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
