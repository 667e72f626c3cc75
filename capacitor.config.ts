// Capacitor wraps the demo's production build in an iOS and an Android app. The native projects
// (ios/, android/) are not in the repository: `npx cap add ios|android` creates them on a machine
// with Xcode or the Android SDK, and `npm run cap:sync` copies a fresh build into them.
// The WebView's origin follows from the schemes and hostname below: `capacitor://localhost` on
// iOS, `https://localhost` on Android. Both must be in the stack's AllowedOrigins, or every API
// call from the app is refused by CORS.
import type { CapacitorConfig } from '@capacitor/cli';

const config: CapacitorConfig = {
  appId: 'io.github.ngxcognitogateway.demo',
  appName: 'Timers',
  // Where `ng build demo` (production) writes the browser bundle; Amplify Hosting publishes the
  // same folder.
  webDir: 'dist/demo/browser',
  server: {
    // Capacitor's defaults, stated because AllowedOrigins has to name the origins they produce.
    hostname: 'localhost',
    iosScheme: 'capacitor',
    androidScheme: 'https',
  },
};

export default config;
