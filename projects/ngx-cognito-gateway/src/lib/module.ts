import { HTTP_INTERCEPTORS } from '@angular/common/http';
import { ModuleWithProviders, NgModule } from '@angular/core';
import { CognitoAuthConfig } from './config';
import { CognitoAuthHttpInterceptor } from './interceptor';
import { cognitoAuthProviders } from './provide';
import type { CognitoAuthFeature } from './sign-in-redirect';

/**
 * For NgModule apps: `imports: [CognitoAuthModule.forRoot(config)]` in the root module, with
 * `provideHttpClient(withInterceptorsFromDi())`. Angular applies the HTTP_INTERCEPTORS of the
 * injector that provides HttpClient: in a lazy module, forRoot only affects an HttpClient that
 * module provides itself (and then uses that module's config); the root's HttpClient never sees it.
 *
 * @example
 * import { provideHttpClient, withInterceptorsFromDi } from '@angular/common/http';
 * import { NgModule } from '@angular/core';
 * import { BrowserModule } from '@angular/platform-browser';
 * import { CognitoAuthModule, withSignInRedirect } from 'ngx-cognito-gateway';
 *
 * @NgModule({
 *   imports: [
 *     BrowserModule,
 *     CognitoAuthModule.forRoot({ allowedUrls: ['https://api.example.com/v1'] }, withSignInRedirect()),
 *   ],
 *   providers: [provideHttpClient(withInterceptorsFromDi())],
 *   bootstrap: [AppComponent],
 * })
 * export class AppModule {}
 */
@NgModule()
export class CognitoAuthModule {
  /** The same providers and features as `provideCognitoAuth`, plus the DI-class interceptor. */
  static forRoot(
    config: CognitoAuthConfig,
    ...features: CognitoAuthFeature[]
  ): ModuleWithProviders<CognitoAuthModule> {
    return {
      ngModule: CognitoAuthModule,
      providers: [
        ...cognitoAuthProviders(config, features),
        { provide: HTTP_INTERCEPTORS, useClass: CognitoAuthHttpInterceptor, multi: true },
      ],
    };
  }
}
