import { HTTP_INTERCEPTORS } from '@angular/common/http';
import { ModuleWithProviders, NgModule } from '@angular/core';
import { CognitoAuthConfig } from './config';
import { CognitoAuthHttpInterceptor } from './interceptor';
import { cognitoAuthProviders } from './provide';

/**
 * For NgModule apps: `imports: [CognitoAuthModule.forRoot(config)]` in the root module, with
 * `provideHttpClient(withInterceptorsFromDi())`. Angular applies the HTTP_INTERCEPTORS of the
 * injector that provides HttpClient: in a lazy module, forRoot only affects an HttpClient that
 * module provides itself (and then uses that module's config); the root's HttpClient never sees it.
 */
@NgModule()
export class CognitoAuthModule {
  static forRoot(config: CognitoAuthConfig): ModuleWithProviders<CognitoAuthModule> {
    return {
      ngModule: CognitoAuthModule,
      providers: [
        ...cognitoAuthProviders(config),
        { provide: HTTP_INTERCEPTORS, useClass: CognitoAuthHttpInterceptor, multi: true },
      ],
    };
  }
}
