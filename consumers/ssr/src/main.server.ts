import { BootstrapContext, bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';
import { serverConfig } from './app/app.config.server';

// Set by whoever starts the server; the build's route extraction bootstraps without it.
const apiOrigin = process.env['API_ORIGIN'] || 'http://127.0.0.1:9';

const bootstrap = (context: BootstrapContext) =>
  bootstrapApplication(App, serverConfig(apiOrigin), context);

export default bootstrap;
