import { ModuleWithProviders, NgModule } from '@angular/core';
import type { TimerClientConfig } from './config';
import { timerClientProviders } from './timer-client';

/** For NgModule apps: `imports: [TimerClientModule.forRoot({ baseUrl })]`. */
@NgModule()
export class TimerClientModule {
  static forRoot(config: TimerClientConfig): ModuleWithProviders<TimerClientModule> {
    return { ngModule: TimerClientModule, providers: timerClientProviders(config) };
  }
}
