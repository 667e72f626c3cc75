// Angular 21 (LTS): an app made by `ng new --ssr` with Angular 21.2 and the oldest aws-amplify the
// package supports, installing the packed tarball with npm's peer checks (see cli-app.ts).
import { describeCliApp } from './cli-app.ts';

describeCliApp('angular-21');
