import { RouterLink } from '@angular/router';
import { AuthFieldComponent } from './auth-field.component';
import { AuthStepComponent } from './auth-step.component';

/**
 * What every sign-in step page's template is made of: the step around its form, the form's fields
 * and the router links below.
 *
 * @example
 * @Component({ imports: [STEP_PAGE_IMPORTS], template: `<app-auth-step …>…</app-auth-step>` })
 */
export const STEP_PAGE_IMPORTS = [AuthStepComponent, AuthFieldComponent, RouterLink] as const;
