import { HttpContextToken } from '@angular/common/http';

/**
 * Set on one request to send it without a token even if its URL is allowlisted.
 *
 * @example
 * http.get(url, { context: new HttpContext().set(SKIP_COGNITO_AUTH, true) });
 */
export const SKIP_COGNITO_AUTH = new HttpContextToken<boolean>(() => false);
