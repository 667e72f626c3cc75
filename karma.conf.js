// Karma configuration shared by the library and the demo app (angular.json `runnerConfig`).
// Debian's Chromium, headless, with the flags this sandbox needs: no sandbox as root, no GPU,
// no background networking (the machine has no network and Chromium's probes would only fail).
const fs = require('node:fs');
const path = require('node:path');

process.env.CHROME_BIN = process.env.CHROME_BIN || '/usr/bin/chromium';

// Writes `{passed, failed, skipped}` to $KARMA_RESULT_FILE so the test command can add the totals
// of every suite into its one summary line without scraping console output.
function ResultFileReporter(baseReporterDecorator) {
  baseReporterDecorator(this);
  const totals = { passed: 0, failed: 0, skipped: 0, error: false };
  this.onSpecComplete = (_browser, result) => {
    if (result.skipped || result.pending) totals.skipped++;
    else if (result.success) totals.passed++;
    else totals.failed++;
  };
  this.onBrowserError = () => {
    totals.error = true;
  };
  this.onRunComplete = (_browsers, results) => {
    if (results.error) totals.error = true;
    const file = process.env.KARMA_RESULT_FILE;
    if (file) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(totals));
    }
  };
}
ResultFileReporter.$inject = ['baseReporterDecorator'];

module.exports = function (config) {
  config.set({
    basePath: '',
    frameworks: ['jasmine'],
    plugins: [
      require('karma-jasmine'),
      require('karma-chrome-launcher'),
      { 'reporter:result-file': ['type', ResultFileReporter] },
    ],
    client: {
      jasmine: { random: true },
      clearContext: false,
    },
    reporters: [process.stdout.isTTY ? 'progress' : 'dots', 'result-file'],
    customLaunchers: {
      ChromeHeadlessCI: {
        base: 'ChromeHeadless',
        flags: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    },
    browsers: ['ChromeHeadlessCI'],
    browserNoActivityTimeout: 120000,
    singleRun: true,
    restartOnFileChange: false,
  });
};
