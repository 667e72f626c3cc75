// Angular 22: an app made by `ng new --ssr` with Angular 22, installing the packed tarball with
// npm's peer checks (see cli-app.ts).
import { describeCliApp } from './cli-app.ts';

describeCliApp('angular-22');
