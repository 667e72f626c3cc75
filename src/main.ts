import { bootstrapApplication } from '@angular/platform-browser';
import { AppComponent } from './app/app.component';
import { appConfig } from './app/app.config';
import { configureAmplify } from './app/auth/amplify-auth';
import { showConfigError } from './app/config/config-error-screen';
import { loadRuntimeConfig } from './app/config/runtime-config';

// The same build runs offline and on Amplify Hosting: everything environment-specific comes from
// /config.json, read before Angular starts so no provider ever sees a half-configured app.
loadRuntimeConfig()
  .then((config) => {
    configureAmplify(config);
    return bootstrapApplication(AppComponent, appConfig(config));
  })
  .catch((e: unknown) => {
    console.error(e);
    showConfigError(e);
  });
