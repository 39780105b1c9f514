import { takeContractViolations } from './test-api';

// After every test: any answer of an api started by the suite that does not match the served
// OpenAPI document fails that test.
afterEach(() => {
  const violations = takeContractViolations();
  if (violations.length > 0)
    throw new Error(`Answers that do not match the OpenAPI document:\n  ${[...new Set(violations)].join('\n  ')}`);
});
