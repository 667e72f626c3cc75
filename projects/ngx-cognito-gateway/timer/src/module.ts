import { ModuleWithProviders, NgModule } from '@angular/core';
import type { TimerClientConfig } from './config';
import { timerClientProviders } from './timer-client';

/**
 * For NgModule apps: `imports: [TimerClientModule.forRoot({ baseUrl })]` in the root module, then
 * `inject(TimerClient)`. The auth interceptor comes from `CognitoAuthModule.forRoot` there too.
 *
 * @example
 * import { provideHttpClient, withInterceptorsFromDi } from '@angular/common/http';
 * import { NgModule } from '@angular/core';
 * import { BrowserModule } from '@angular/platform-browser';
 * import { CognitoAuthModule } from 'ngx-cognito-gateway';
 * import { TimerClientModule } from 'ngx-cognito-gateway/timer';
 *
 * const api = 'https://abc123.execute-api.eu-west-1.amazonaws.com';
 * @NgModule({
 *   imports: [
 *     BrowserModule,
 *     CognitoAuthModule.forRoot({ allowedUrls: [`${api}/`] }),
 *     TimerClientModule.forRoot({ baseUrl: api }),
 *   ],
 *   providers: [provideHttpClient(withInterceptorsFromDi())],
 *   bootstrap: [AppComponent],
 * })
 * export class AppModule {}
 */
@NgModule()
export class TimerClientModule {
  static forRoot(config: TimerClientConfig): ModuleWithProviders<TimerClientModule> {
    return { ngModule: TimerClientModule, providers: timerClientProviders(config) };
  }
}
