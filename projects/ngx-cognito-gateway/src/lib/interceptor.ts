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
 * Adds the Cognito token to requests for allowlisted URLs only:
 * `provideHttpClient(withInterceptors([cognitoAuthInterceptor]))` with `provideCognitoAuth(config)`.
 */
export const cognitoAuthInterceptor: HttpInterceptorFn = (req, next) =>
  inject(COGNITO_AUTH_HANDLER).handle(req, next);

/**
 * The same logic as a DI-class interceptor, registered by `CognitoAuthModule.forRoot`. No
 * `@Injectable()` needed (and none shipped): it has no constructor parameters, so Angular
 * constructs it in an injection context as it is.
 */
export class CognitoAuthHttpInterceptor implements HttpInterceptor {
  private readonly handler = inject(COGNITO_AUTH_HANDLER);

  intercept(req: HttpRequest<unknown>, next: HttpHandler): Observable<HttpEvent<unknown>> {
    return this.handler.handle(req, (request) => next.handle(request));
  }
}
