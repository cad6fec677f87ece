import type { Reporter, TestCase } from 'vitest/node';

/**
 * CI retries a failed test once (vitest.config.ts). A retry must not hide flakiness: this reporter
 * lists, at the end of the run, every test that passed only on a retry, with its file, so each is
 * seen and looked into (a flaky test is a bug to find, not a timeout to raise).
 */
export default class RetriedTestsReporter implements Reporter {
  private readonly retried: string[] = [];

  onTestCaseResult(testCase: TestCase): void {
    const { retryCount } = testCase.diagnostic() ?? { retryCount: 0 };
    if (retryCount > 0 && testCase.result().state === 'passed') {
      this.retried.push(`${testCase.module.moduleId.replace(`${process.cwd()}/`, '')} > ${testCase.fullName} (passed after ${retryCount} ${retryCount === 1 ? 'retry' : 'retries'})`);
    }
  }

  onTestRunEnd(): void {
    if (this.retried.length === 0) return;
    process.stdout.write(`\nPassed only on retry (flaky: find out why):\n${this.retried.map((t) => `  - ${t}\n`).join('')}`);
  }
}
