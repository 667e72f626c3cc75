import { ChangeDetectionStrategy, Component, ElementRef, inject } from '@angular/core';
import { IonApp } from '@ionic/angular/ion-app';
import { IonRouterOutlet } from '@ionic/angular/ion-router-outlet';
import { focusPageHeading } from './ui/page-focus';

@Component({
  selector: 'app-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [IonApp, IonRouterOutlet],
  template: `<ion-app><ion-router-outlet (activate)="pageShown()" /></ion-app>`,
})
export class AppComponent {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private firstPage = true;

  /** Ionic's outlet reports a page once its transition is done. */
  pageShown(): void {
    // The first page is a page load: the browser starts reading at the top, as on any site.
    if (this.firstPage) {
      this.firstPage = false;
      return;
    }
    const outlet = this.host.querySelector<HTMLElement>('ion-router-outlet');
    if (outlet) focusPageHeading(outlet);
  }
}
