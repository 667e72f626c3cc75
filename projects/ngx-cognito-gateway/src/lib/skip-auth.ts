import { HttpContextToken } from '@angular/common/http';

/**
 * Set on one request to send it without a token even if its URL is allowlisted.
 *
 * @example
 * import { HttpContext } from '@angular/common/http';
 * import { SKIP_COGNITO_AUTH } from 'ngx-cognito-gateway';
 * http.get(url, { context: new HttpContext().set(SKIP_COGNITO_AUTH, true) });
 */
export const SKIP_COGNITO_AUTH = new HttpContextToken<boolean>(() => false);
