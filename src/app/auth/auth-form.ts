import type { FormProblem } from '../ui/form-status';
import { authProblem, type AuthAction } from './auth-errors';

/**
 * A sign-in step's call to Amplify as the action of `FormStatus.submit`: an error it throws becomes
 * the problem `authProblem` describes for `failed`, shown on its field or above the button.
 *
 * A step page is made of: a Signal Forms `form()` over a model signal, applying the field schemas
 * of `auth-fields.ts`; a `FormStatus` over it; `app-auth-step` around `app-auth-field`s bound to
 * the form's fields; and a `submit()` that runs its call through this:
 *
 * @example
 * readonly form = form(signal({ code: '' }), (f) => apply(f.code, EMAIL_CODE));
 * readonly status = new FormStatus(this.form);
 * // <app-auth-step [texts]="texts" [status]="status" (send)="submit()">
 * //   <app-auth-field [field]="form.code" autocomplete="one-time-code" />
 * // </app-auth-step>
 * submit = () => this.status.submit(authCall('sign-in-step', () => this.check(this.form().value())));
 */
export function authCall(
  failed: AuthAction,
  call: () => Promise<unknown>,
): () => Promise<FormProblem[]> {
  return async () => {
    try {
      await call();
      return [];
    } catch (error) {
      return [authProblem(error, failed)];
    }
  };
}
