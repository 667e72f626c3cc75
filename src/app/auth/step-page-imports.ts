import { AuthFieldComponent } from './auth-field.component';
import { AuthStepComponent } from './auth-step.component';

/**
 * What every sign-in step page's template is made of: the step around its form (with the links
 * below it) and the form's fields.
 *
 * @example
 * @Component({ imports: [STEP_PAGE_IMPORTS], template: `<app-auth-step …>…</app-auth-step>` })
 */
export const STEP_PAGE_IMPORTS = [AuthStepComponent, AuthFieldComponent] as const;
