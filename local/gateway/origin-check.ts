// Which origins the gateway may allow: the rule of the template's AllowedOrigins parameter, whose
// AllowedPattern CloudFormation checks against each value of the list
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html).
// --allowed-origins stands in for that parameter locally, so it gets the same rule instead of
// whatever a deployment would have refused: exact origins as browsers send them, https, plain
// http only on localhost and 127.0.0.1 (a page served over plain http from another host can be
// rewritten in transit, and would then call the API with the user's token), and the two Capacitor
// WebView origins. The rule is read from the template itself, so there is no copy to drift.
import { loadTemplate } from '../../cfn-lib/cfn-yaml.ts';
import { TEMPLATE_FILE } from '../../tools/paths.ts';
import { TemplateResolveError } from '../../cfn-lib/resolve.ts';

/** AllowedOrigins's pattern and description from a template; fails clearly when either is missing. */
export function readAllowedOriginRule(templatePath: string): {
  pattern: string;
  description: string;
} {
  const spec = loadTemplate(templatePath).Parameters?.['AllowedOrigins'];
  const pattern = spec?.['AllowedPattern'];
  const description = spec?.['ConstraintDescription'];
  if (typeof pattern !== 'string' || typeof description !== 'string') {
    throw new TemplateResolveError(
      `${templatePath}: AllowedOrigins needs an AllowedPattern and a ConstraintDescription`,
    );
  }
  return { pattern, description: description.replace(/\s+/g, ' ').trim() };
}

const rule = readAllowedOriginRule(TEMPLATE_FILE);

/** The template's AllowedPattern for AllowedOrigins, as CloudFormation applies it to each value. */
export const ALLOWED_ORIGIN_PATTERN = rule.pattern;

/** The template's ConstraintDescription for the same pattern. */
export const ALLOWED_ORIGIN_RULE = rule.description;

const pattern = new RegExp(ALLOWED_ORIGIN_PATTERN);

export function isAllowedOrigin(origin: string): boolean {
  return pattern.test(origin);
}
