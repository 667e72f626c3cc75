import {
  HttpEvent,
  HttpHandler,
  HttpInterceptor,
  HttpInterceptorFn,
  HttpRequest,
} from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { CognitoAuthHandler } from './auth-handler';

/**
 * Adds the Cognito token to requests for allowlisted URLs only:
 * `provideHttpClient(withInterceptors([cognitoAuthInterceptor]))` with `provideCognitoAuth(config)`.
 */
export const cognitoAuthInterceptor: HttpInterceptorFn = (req, next) =>
  inject(CognitoAuthHandler).handle(req, next);

/** The same logic as a DI-class interceptor, registered by `CognitoAuthModule.forRoot`. */
@Injectable()
export class CognitoAuthHttpInterceptor implements HttpInterceptor {
  private readonly handler = inject(CognitoAuthHandler);

  intercept(req: HttpRequest<unknown>, next: HttpHandler): Observable<HttpEvent<unknown>> {
    return this.handler.handle(req, (request) => next.handle(request));
  }
}
