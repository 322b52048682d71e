// Loaded into code-server next to Marginalia: runs the bundled suite named by the environment and
// writes its report where the test process waits for it.
exports.activate = async () => {
  const suite = process.env.MARGINALIA_INTEGRATION_SUITE;
  const results = process.env.MARGINALIA_INTEGRATION_RESULTS;
  if (!suite || !results) return;
  try {
    await require(suite).runAndReport(results);
  } catch (error) {
    require('node:fs').writeFileSync(results, JSON.stringify({ passed: 0, failed: 1, failures: [{ title: 'suite did not load', error: String(error && error.stack || error) }], titles: [] }));
  }
};
