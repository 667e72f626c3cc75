import { provideHttpClient, withInterceptorsFromDi } from '@angular/common/http';
import { NgModule, provideZonelessChangeDetection } from '@angular/core';
import { BrowserModule } from '@angular/platform-browser';
import { RouterModule } from '@angular/router';
import { signOut } from 'aws-amplify/auth';
import { CognitoAuthModule, cognitoAuthGuard, withSignInRedirect } from 'ngx-cognito-gateway';
import { AccountPage, AppComponent, SignInPage } from './app.component';

/**
 * An NgModule app as the README sets one up: forRoot registers the DI-class interceptor under
 * HTTP_INTERCEPTORS, which `withInterceptorsFromDi()` picks up; the guard and the state come from
 * the same entry.
 */
@NgModule({
  declarations: [AppComponent, AccountPage, SignInPage],
  imports: [
    BrowserModule,
    RouterModule.forRoot([
      { path: 'sign-in', component: SignInPage },
      { path: 'account', component: AccountPage, canActivate: [cognitoAuthGuard] },
      { path: 'admin', canMatch: [cognitoAuthGuard], component: AccountPage },
      { path: '', pathMatch: 'full', redirectTo: 'account' },
    ]),
    CognitoAuthModule.forRoot(
      { allowedUrls: ['https://api.example.com/v1'], whenSignedOut: 'error' },
      withSignInRedirect({ signInUrl: '/sign-in', beforeRedirect: () => signOut() }),
    ),
  ],
  providers: [provideZonelessChangeDetection(), provideHttpClient(withInterceptorsFromDi())],
  bootstrap: [AppComponent],
})
export class AppModule {}
