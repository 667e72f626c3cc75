import {
  HttpEvent,
  HttpHandler,
  HttpInterceptor,
  HttpInterceptorFn,
  HttpRequest,
} from '@angular/common/http';
import { inject } from '@angular/core';
import { Observable } from 'rxjs';
import { COGNITO_AUTH_HANDLER } from './auth-handler';

/**
 * Adds the Cognito token to requests for allowlisted URLs only; needs `provideCognitoAuth(config)`.
 *
 * @example
 * import { provideHttpClient, withInterceptors } from '@angular/common/http';
 * import { cognitoAuthInterceptor, provideCognitoAuth } from 'ngx-cognito-gateway';
 *
 * providers: [
 *   provideHttpClient(withInterceptors([cognitoAuthInterceptor])),
 *   provideCognitoAuth({ allowedUrls: ['https://api.example.com/v1'] }),
 * ];
 */
export const cognitoAuthInterceptor: HttpInterceptorFn = (req, next) =>
  inject(COGNITO_AUTH_HANDLER).handle(req, next);

/**
 * The same logic as a DI-class interceptor, registered by `CognitoAuthModule.forRoot`. No
 * `@Injectable()` needed (and none shipped): it has no constructor parameters, so Angular
 * constructs it in an injection context as it is.
 *
 * @example
 * import { HTTP_INTERCEPTORS, provideHttpClient, withInterceptorsFromDi } from '@angular/common/http';
 * import { CognitoAuthHttpInterceptor } from 'ngx-cognito-gateway';
 *
 * // What forRoot registers; only needed by hand to order it among other DI interceptors.
 * providers: [
 *   provideHttpClient(withInterceptorsFromDi()),
 *   { provide: HTTP_INTERCEPTORS, useClass: CognitoAuthHttpInterceptor, multi: true },
 * ];
 */
export class CognitoAuthHttpInterceptor implements HttpInterceptor {
  private readonly handler = inject(COGNITO_AUTH_HANDLER);

  intercept(req: HttpRequest<unknown>, next: HttpHandler): Observable<HttpEvent<unknown>> {
    return this.handler.handle(req, (request) => next.handle(request));
  }
}
