import { HTTP_INTERCEPTORS } from '@angular/common/http';
import { ModuleWithProviders, NgModule } from '@angular/core';
import { CognitoAuthConfig } from './config';
import { CognitoAuthHttpInterceptor } from './interceptor';
import { cognitoAuthProviders } from './provide';

/**
 * For NgModule apps: `imports: [CognitoAuthModule.forRoot(config)]` in the root module, with
 * `provideHttpClient(withInterceptorsFromDi())`. Import it once, at the root: HTTP_INTERCEPTORS
 * registered in a lazy module only apply to an HttpClient provided in that same lazy module.
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
