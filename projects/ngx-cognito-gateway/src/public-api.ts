export { urlMatchesAllowlist } from './lib/url-allowlist';
