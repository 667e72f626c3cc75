import { HTTP_INTERCEPTORS } from '@angular/common/http';
import { ModuleWithProviders, NgModule } from '@angular/core';
import { AmplifyTokenSource } from './amplify-token-source';
import { COGNITO_AUTH_CONFIG, CognitoAuthConfig, resolveCognitoAuthConfig } from './config';
import { CognitoAuthHttpInterceptor } from './interceptor';
import { CognitoTokenSource } from './token-source';

/**
 * For NgModule apps: `imports: [CognitoAuthModule.forRoot(config)]` in the root module, with
 * `provideHttpClient(withInterceptorsFromDi())`. Import it once, at the root: HTTP_INTERCEPTORS
 * registered in a lazy module only apply to an HttpClient provided in that same lazy module.
 */
@NgModule()
export class CognitoAuthModule {
  static forRoot(config: CognitoAuthConfig): ModuleWithProviders<CognitoAuthModule> {
    const resolved = resolveCognitoAuthConfig(config);
    return {
      ngModule: CognitoAuthModule,
      providers: [
        { provide: COGNITO_AUTH_CONFIG, useValue: resolved },
        { provide: CognitoTokenSource, useClass: AmplifyTokenSource },
        { provide: HTTP_INTERCEPTORS, useClass: CognitoAuthHttpInterceptor, multi: true },
      ],
    };
  }
}
